using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;

namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>
/// Which conversations show which background read, and the queue of reads that moved on. Kept in memory: a host that
/// stops loses both, and the seller's <em>Check again</em> button (which every waiting card has) takes over. A card is
/// watched until it has been drawn showing its read finished (or its dialog moved on), not until the key's read
/// finishes: a read started again under the same key has cards waiting on it that were registered for the one before.
/// </summary>
internal sealed class LiveCards
{
    private readonly ConcurrentDictionary<string, ImmutableArray<LiveWatcher>> _watchers = new(StringComparer.Ordinal);
    private readonly Channel<string> _signals = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Keys of the reads that moved on (progress written, or finished): their cards are redrawn.</summary>
    public ChannelReader<string> Signals => _signals.Reader;

    public void Watch(string key, LiveWatcher watcher) =>
        _watchers.AddOrUpdate(
            key,
            [watcher],
            (_, existing) => [.. existing.Where(w => w.Reference.Conversation?.Id != watcher.Reference.Conversation?.Id), watcher]);

    public void Signal(string key) => _signals.Writer.TryWrite(key);

    public IReadOnlyList<LiveWatcher> WatchersOf(string key) => _watchers.GetValueOrDefault(key, []);

    /// <summary>
    /// Stops redrawing <paramref name="watcher"/> (this very registration: a card that started watching again since
    /// registered anew, and stays); the key goes with its last watcher.
    /// </summary>
    public void Forget(string key, LiveWatcher watcher)
    {
        while (_watchers.TryGetValue(key, out var current))
        {
            var rest = current.Remove(watcher, ReferenceEqualityComparer.Instance);
            if (rest.Length == current.Length)
            {
                return;
            }

            var replaced = rest.IsEmpty ? _watchers.TryRemove(KeyValuePair.Create(key, current)) : _watchers.TryUpdate(key, rest, current);
            if (replaced)
            {
                return;
            }
        }
    }
}
