using KaizalaBot.PartnerCenter.Simulator.Wire;

namespace KaizalaBot.PartnerCenter.Simulator.Behaviour;

/// <summary>
/// Answers a retried mutating call carrying the same MS-RequestId with the first answer, without doing the work
/// again (reference §1.3, §5.4: the SDK re-POSTs a checkout with the same request id after a timeout).
/// </summary>
internal sealed class IdempotencyCache
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset At, SimResponse Response)> _answers = new(StringComparer.Ordinal);

    public static string Key(string requestId, string method, string path) => $"{requestId}|{method}|{path}";

    public SimResponse? Find(string key, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _answers.TryGetValue(key, out var entry) && now - entry.At < Retention ? entry.Response : null;
        }
    }

    public void Remember(string key, SimResponse response, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var stale in _answers.Where(e => now - e.Value.At >= Retention).Select(e => e.Key).ToList())
            {
                _answers.Remove(stale);
            }

            _answers[key] = (now, response);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _answers.Clear();
        }
    }
}
