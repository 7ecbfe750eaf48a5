namespace KaizalaBot.PartnerCenter.Simulator.Behaviour;

/// <summary>Body of <c>GET/PUT /_simulator/faults</c>.</summary>
internal sealed record FaultSettings
{
    /// <summary>Seed of the fault dice: the same seed and request sequence give the same faults.</summary>
    public int Seed { get; init; }

    /// <summary>Per tenant id per minute (reference §7: 500 for customer, subscription and order resources); 0 = off.</summary>
    public int RequestsPerMinute { get; init; }

    public TimeSpan TimeoutDuration { get; init; }

    public IReadOnlyList<EndpointFaultRule> Rules { get; init; } = [];
}
