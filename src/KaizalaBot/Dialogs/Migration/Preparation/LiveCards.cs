using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;

namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>
/// Which conversations show which background read, and the queue of reads that moved on. Kept in memory: a host that
/// stops loses both, and the seller's <em>Check again</em> button (which every waiting card has) takes over.
/// </summary>
internal sealed class LiveCards
{
    private readonly ConcurrentDictionary<string, ImmutableArray<LiveWatcher>> _watchers = new(StringComparer.Ordinal);
    private readonly Channel<LiveSignal> _signals = Channel.CreateUnbounded<LiveSignal>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<LiveSignal> Signals => _signals.Reader;

    public void Watch(string key, LiveWatcher watcher) =>
        _watchers.AddOrUpdate(
            key,
            [watcher],
            (_, existing) => [.. existing.Where(w => w.Reference.Conversation?.Id != watcher.Reference.Conversation?.Id), watcher]);

    public void Signal(string key, bool isFinal) => _signals.Writer.TryWrite(new LiveSignal(key, isFinal));

    public IReadOnlyList<LiveWatcher> WatchersOf(string key) => _watchers.GetValueOrDefault(key, []);

    public void Forget(string key) => _watchers.TryRemove(key, out _);
}
