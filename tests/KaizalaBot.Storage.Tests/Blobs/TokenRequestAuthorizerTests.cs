using KaizalaBot.Storage.Blobs;
using KaizalaBot.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Storage.Tests.Blobs;

public sealed class TokenRequestAuthorizerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AuthorizeAsync_TokenStillFresh_ReusesIt()
    {
        var credential = new RecordingTokenCredential(_time);
        var authorizer = new TokenRequestAuthorizer(credential, _time);

        var first = await AuthorizeAsync(authorizer);
        _time.Advance(TimeSpan.FromMinutes(50));
        var second = await AuthorizeAsync(authorizer);

        Assert.Equal("Bearer token-1", first);
        Assert.Equal("Bearer token-1", second);
    }

    [Fact]
    public async Task AuthorizeAsync_TokenWithinFiveMinutesOfExpiry_FetchesNewOne()
    {
        var credential = new RecordingTokenCredential(_time);
        var authorizer = new TokenRequestAuthorizer(credential, _time);
        await AuthorizeAsync(authorizer);

        _time.Advance(TimeSpan.FromMinutes(56));
        var renewed = await AuthorizeAsync(authorizer);

        Assert.Equal("Bearer token-2", renewed);
    }

    private static async Task<string> AuthorizeAsync(TokenRequestAuthorizer authorizer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://contoso.blob.core.windows.net/c");
        await authorizer.AuthorizeAsync(request, CancellationToken.None);
        return request.Headers.GetValues("Authorization").Single();
    }
}
