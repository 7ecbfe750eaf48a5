namespace KaizalaBot.Migration.Planning;

/// <summary>
/// Partner Center answers kept in this process for a fixed lifetime, by key, for the conversation's reads that may be a
/// little old (<see cref="RecentCustomerReads"/>, <see cref="RecentCustomerSearches"/>). Bounded twice: by the number of
/// answers and by their total weight (what an answer holds: a search for "a" can match thousands of customers). Every
/// answer has the same lifetime, so the oldest is the first out either way.
/// </summary>
/// <typeparam name="T">The answer.</typeparam>
internal sealed class RecentAnswers<T>
    where T : class
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly int _maxAnswers;
    private readonly long _maxWeight;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Kept>> _byKey;
    private readonly LinkedList<Kept> _oldestFirst = new();
    private long _weight;

    public RecentAnswers(TimeProvider time, TimeSpan lifetime, int maxAnswers, long maxWeight, IEqualityComparer<string> keys)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAnswers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWeight);
        _time = time;
        _lifetime = lifetime;
        _maxAnswers = maxAnswers;
        _maxWeight = maxWeight;
        _byKey = new Dictionary<string, LinkedListNode<Kept>>(keys);
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    /// <summary>Keeps <paramref name="answer"/>, read at <paramref name="readAt"/>, replacing an older one under the same key.</summary>
    public void Keep(string key, T answer, DateTimeOffset readAt, long weight = 1)
    {
        // An answer heavier than the whole bound would only push every other one out and then itself.
        if (_lifetime <= TimeSpan.Zero || weight > _maxWeight)
        {
            return;
        }

        lock (_gate)
        {
            if (_byKey.Remove(key, out var older))
            {
                Unlink(older);
            }

            _byKey[key] = _oldestFirst.AddLast(new Kept(key, answer, readAt, weight));
            _weight += weight;
            DropExpired(_time.GetUtcNow());
            while (_byKey.Count > _maxAnswers || _weight > _maxWeight)
            {
                Drop(_oldestFirst.First!);
            }
        }
    }

    /// <summary>The answer kept under <paramref name="key"/> if younger than the lifetime, else null.</summary>
    public T? Find(string key)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            DropExpired(now);
            return _byKey.TryGetValue(key, out var node) && IsFresh(node.Value, now) ? node.Value.Answer : null;
        }
    }

    // Answers are kept in about the order they were read (two reads racing may land swapped, hence Find's own check), so
    // the expired ones are at the front. An answer dated in the future (the clock set back) counts as expired, not as
    // fresh for ever.
    private void DropExpired(DateTimeOffset now)
    {
        while (_oldestFirst.First is { } oldest && !IsFresh(oldest.Value, now))
        {
            Drop(oldest);
        }
    }

    private bool IsFresh(Kept kept, DateTimeOffset now) => now - kept.ReadAt is var age && age >= TimeSpan.Zero && age < _lifetime;

    private void Drop(LinkedListNode<Kept> node)
    {
        Unlink(node);
        _byKey.Remove(node.Value.Key);
    }

    private void Unlink(LinkedListNode<Kept> node)
    {
        _oldestFirst.Remove(node);
        _weight -= node.Value.Weight;
    }

    private sealed record Kept(string Key, T Answer, DateTimeOffset ReadAt, long Weight);
}
