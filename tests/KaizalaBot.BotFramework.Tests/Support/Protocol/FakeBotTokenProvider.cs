using KaizalaBot.BotFramework.Connector;

namespace KaizalaBot.BotFramework.Tests.Support.Protocol;

/// <summary>Hands out <c>token-1</c>, then a new token on every forced refresh; records each request.</summary>
internal sealed class FakeBotTokenProvider : IBotTokenProvider
{
    private readonly Lock _gate = new();
    private readonly List<bool> _calls = [];
    private int _generation = 1;

    /// <summary>The forceRefresh flag of every call, in order.</summary>
    public IReadOnlyList<bool> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add(forceRefresh);
            if (forceRefresh)
            {
                _generation++;
            }

            return Task.FromResult<string?>($"token-{_generation}");
        }
    }
}
