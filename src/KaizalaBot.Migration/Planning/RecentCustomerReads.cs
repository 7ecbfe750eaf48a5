using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Planning;

/// <summary>
/// The conversation's last read of each customer's subscriptions and subscribed SKUs, in this process, served for
/// <c>Migration:CustomerReadLifetime</c> (a minute by default; zero keeps nothing).
/// </summary>
/// <remarks>
/// Choosing a customer reads both (and refreshes its expiry index entry); the plan card, a click or two later, needs the
/// same two lists for its options and seat limits. Reading them again there was a third of the walk's Partner Center
/// calls against the customer for an answer a few seconds old. What the seller confirms stays fresh: the review's
/// pre-flight checks read Partner Center every time, and the migration checks everything again before it buys. Another
/// instance, or a dialog resumed after the lifetime, finds nothing here and reads Partner Center. Bounded by
/// <see cref="MaxCustomers"/>: every entry has the same lifetime, so the oldest read is the first out either way.
/// </remarks>
public sealed class RecentCustomerReads
{
    /// <summary>
    /// Customers kept at once: a customer's two lists are some kilobytes to a few tens, and a minute's worth of customers
    /// chosen by a partner's sellers is far below this.
    /// </summary>
    public const int MaxCustomers = 1_000;

    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly int _maxCustomers;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<CustomerReads>> _byCustomer = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<CustomerReads> _oldestFirst = new();

    public RecentCustomerReads(IOptions<MigrationOptions> options, TimeProvider time)
        : this(options, time, MaxCustomers)
    {
    }

    /// <summary>With another bound than <see cref="MaxCustomers"/>, so that tests can reach it.</summary>
    internal RecentCustomerReads(IOptions<MigrationOptions> options, TimeProvider time, int maxCustomers)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _lifetime = options.Value.CustomerReadLifetime;
        _maxCustomers = maxCustomers;
    }

    /// <summary>How many customers are kept (for tests of the bound).</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _byCustomer.Count;
            }
        }
    }

    /// <summary>Keeps <paramref name="reads"/> as the customer's latest, replacing an older one.</summary>
    public void Keep(CustomerReads reads)
    {
        ArgumentNullException.ThrowIfNull(reads);
        if (_lifetime <= TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            if (_byCustomer.Remove(reads.CustomerId, out var older))
            {
                _oldestFirst.Remove(older);
            }

            _byCustomer[reads.CustomerId] = _oldestFirst.AddLast(reads);
            DropExpired(_time.GetUtcNow());
            while (_byCustomer.Count > _maxCustomers)
            {
                Drop(_oldestFirst.First!);
            }
        }
    }

    /// <summary>The customer's reads if younger than the lifetime, else null.</summary>
    public CustomerReads? Find(string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            DropExpired(now);
            return _byCustomer.TryGetValue(customerId, out var node) && IsFresh(node.Value, now) ? node.Value : null;
        }
    }

    // Entries are kept in about the order they were read (two reads racing may land swapped, hence Find's own check), so
    // the expired ones are at the front. A read dated in the future (the clock set back) counts as expired, not as fresh
    // for ever.
    private void DropExpired(DateTimeOffset now)
    {
        while (_oldestFirst.First is { } oldest && !IsFresh(oldest.Value, now))
        {
            Drop(oldest);
        }
    }

    private bool IsFresh(CustomerReads reads, DateTimeOffset now) => now - reads.ReadAt is var age && age >= TimeSpan.Zero && age < _lifetime;

    private void Drop(LinkedListNode<CustomerReads> node)
    {
        _oldestFirst.Remove(node);
        _byCustomer.Remove(node.Value.CustomerId);
    }
}
