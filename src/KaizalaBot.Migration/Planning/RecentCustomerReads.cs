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

    private readonly RecentAnswers<CustomerReads> _reads;

    public RecentCustomerReads(IOptions<MigrationOptions> options, TimeProvider time)
        : this(options, time, MaxCustomers)
    {
    }

    /// <summary>With another bound than <see cref="MaxCustomers"/>, so that tests can reach it.</summary>
    internal RecentCustomerReads(IOptions<MigrationOptions> options, TimeProvider time, int maxCustomers)
    {
        ArgumentNullException.ThrowIfNull(options);
        _reads = new RecentAnswers<CustomerReads>(
            time, options.Value.CustomerReadLifetime, maxCustomers, maxWeight: maxCustomers, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>How many customers are kept (for tests of the bound).</summary>
    internal int Count => _reads.Count;

    /// <summary>Keeps <paramref name="reads"/> as the customer's latest, replacing an older one.</summary>
    public void Keep(CustomerReads reads)
    {
        ArgumentNullException.ThrowIfNull(reads);
        _reads.Keep(reads.CustomerId, reads, reads.ReadAt);
    }

    /// <summary>The customer's reads if younger than the lifetime, else null.</summary>
    public CustomerReads? Find(string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return _reads.Find(customerId);
    }
}
