using KaizalaBot.BotFramework.Connector;

namespace KaizalaBot.Tests.Support;

/// <summary>Stands in for Entra (which cannot be reached here): the outbound token the connector must carry.</summary>
internal sealed class FixedBotTokenProvider : IBotTokenProvider
{
    public const string Token = "outbound-test-token";

    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult<string?>(Token);
}
