using System.Globalization;
using Azure.Core;

namespace KaizalaBot.Storage.Tests.Infrastructure;

/// <summary>Issues numbered one-hour tokens and records the scopes asked for.</summary>
public sealed class RecordingTokenCredential(TimeProvider timeProvider) : TokenCredential
{
    private int _issued;

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Scopes.AddRange(requestContext.Scopes);
        var number = Interlocked.Increment(ref _issued);
        return new AccessToken($"token-{number.ToString(CultureInfo.InvariantCulture)}", timeProvider.GetUtcNow().AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
