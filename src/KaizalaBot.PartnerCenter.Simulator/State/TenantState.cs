namespace KaizalaBot.PartnerCenter.Simulator.State;

/// <summary>One customer tenant's mutable world; only touched under the world's lock.</summary>
internal sealed class TenantState
{
    public TenantState(string customerId)
    {
        CustomerId = customerId;
    }

    public string CustomerId { get; }

    public Dictionary<string, SubscriptionRecord> Subscriptions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, UserRecord> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, CartRecord> Carts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, OrderRecord> Orders { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> CartsBeingCheckedOut { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Accepted (202) subscription changes by subscription id; at most one per subscription.</summary>
    public Dictionary<string, PendingSubscriptionUpdate> PendingUpdates { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static TenantState FromSnapshot(TenantSnapshot snapshot)
    {
        var state = new TenantState(snapshot.CustomerId);
        foreach (var s in snapshot.Subscriptions)
        {
            state.Subscriptions[s.Id] = s;
        }

        foreach (var u in snapshot.Users)
        {
            state.Users[u.Id] = u;
        }

        foreach (var c in snapshot.Carts)
        {
            state.Carts[c.Id] = c;
        }

        foreach (var o in snapshot.Orders)
        {
            state.Orders[o.Id] = o;
        }

        foreach (var p in snapshot.PendingUpdates)
        {
            state.PendingUpdates[p.Updated.Id] = p;
        }

        return state;
    }

    public TenantSnapshot ToSnapshot() => new()
    {
        CustomerId = CustomerId,
        Subscriptions = [.. Subscriptions.Values],
        Users = [.. Users.Values],
        Carts = [.. Carts.Values],
        Orders = [.. Orders.Values],
        PendingUpdates = [.. PendingUpdates.Values],
    };
}
