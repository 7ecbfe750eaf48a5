namespace KaizalaBot.Benchmarks;

/// <summary>Partner Center calls seen, by the kinds a scan makes.</summary>
internal sealed class PartnerCenterCalls
{
    private int _customerPages;
    private int _subscriptionLists;
    private int _subscribedSkus;
    private int _other;

    public int CustomerPages => Volatile.Read(ref _customerPages);

    public int SubscriptionLists => Volatile.Read(ref _subscriptionLists);

    public int SubscribedSkus => Volatile.Read(ref _subscribedSkus);

    public int Total => CustomerPages + SubscriptionLists + SubscribedSkus + Volatile.Read(ref _other);

    public void Count(string path)
    {
        if (path.EndsWith("/customers", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _customerPages);
        }
        else if (path.EndsWith("/subscriptions", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _subscriptionLists);
        }
        else if (path.EndsWith("/subscribedskus", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _subscribedSkus);
        }
        else
        {
            Interlocked.Increment(ref _other);
        }
    }
}
