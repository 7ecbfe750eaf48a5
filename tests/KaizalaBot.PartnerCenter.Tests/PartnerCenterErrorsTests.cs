using System.Net;
using KaizalaBot.PartnerCenter.Http;
using KaizalaBot.PartnerCenter.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.PartnerCenter.Tests;

public sealed class PartnerCenterErrorsTests
{
    private static readonly Guid CorrelationId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid RequestId = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    private Task<PartnerException> MapAsync(HttpStatusCode status, string? body, Action<HttpResponseMessage>? configure = null)
    {
        using var response = StubHttpMessageHandler.Json(status, body, configure);
        return PartnerCenterErrors.FromResponseAsync(response, CorrelationId, RequestId, _clock, CancellationToken.None);
    }

    [Fact]
    public async Task FromResponseAsync_ApiFault_CarriesCodeDescriptionAndIds()
    {
        var error = await MapAsync(HttpStatusCode.BadRequest, ReferenceExample.Read("license-quota-exceeded"));

        Assert.Equal(PartnerErrorCategory.BadInput, error.ErrorCategory);
        Assert.Equal("60012", error.ErrorCode);
        Assert.StartsWith("We're sorry", error.Description, StringComparison.Ordinal);
        Assert.Equal((CorrelationId, RequestId), (error.CorrelationId, error.RequestId));
        Assert.Contains("60012", error.Message, StringComparison.Ordinal);
        Assert.Contains(CorrelationId.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromResponseAsync_RateLimitBody_ParsesMessageAndRetryAfter()
    {
        var error = await MapAsync(HttpStatusCode.TooManyRequests, ReferenceExample.Read("rate-limit"), r => r.Headers.Add("Retry-After", "57"));

        Assert.Equal(PartnerErrorCategory.TooManyRequests, error.ErrorCategory);
        Assert.Equal("Rate limit is exceeded. Try again in 57 seconds.", error.Description);
        Assert.Equal(TimeSpan.FromSeconds(57), error.RetryAfter);
        Assert.Null(error.ServiceErrorPayload);
    }

    [Fact]
    public async Task FromResponseAsync_RetryAfterAsDate_IsMeasuredOnTheClock()
    {
        var error = await MapAsync(HttpStatusCode.ServiceUnavailable, null,
            r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(_clock.GetUtcNow().AddSeconds(30)));

        Assert.Equal(PartnerErrorCategory.ServerBusy, error.ErrorCategory);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task FromResponseAsync_EntraStyleBody_UsesErrorAndDescription()
    {
        var error = await MapAsync(HttpStatusCode.Unauthorized, """{"error":"invalid_token","error_description":"The token is expired"}""");

        Assert.Equal(PartnerErrorCategory.Unauthorized, error.ErrorCategory);
        Assert.Equal("invalid_token", error.ErrorCode);
        Assert.Equal("The token is expired", error.Description);
    }

    [Fact]
    public async Task FromResponseAsync_PlainTextBody_KeepsTextAsDescription()
    {
        var error = await MapAsync(HttpStatusCode.BadGateway, "upstream unavailable");

        Assert.Equal(PartnerErrorCategory.ServerError, error.ErrorCategory);
        Assert.Null(error.ErrorCode);
        Assert.Equal("upstream unavailable", error.Description);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, PartnerErrorCategory.Forbidden)]
    [InlineData(HttpStatusCode.Conflict, PartnerErrorCategory.AlreadyExists)]
    [InlineData(HttpStatusCode.MethodNotAllowed, PartnerErrorCategory.InvalidOperation)]
    [InlineData(HttpStatusCode.GatewayTimeout, PartnerErrorCategory.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout, PartnerErrorCategory.RequestTimeout)]
    public void CategoryOf_Status_FollowsSdkMapping(HttpStatusCode status, PartnerErrorCategory expected)
    {
        var category = PartnerCenterErrors.CategoryOf(status);

        Assert.Equal(expected, category);
    }
}
