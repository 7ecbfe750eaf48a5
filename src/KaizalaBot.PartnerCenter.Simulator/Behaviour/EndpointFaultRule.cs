namespace KaizalaBot.PartnerCenter.Simulator.Behaviour;

internal sealed record EndpointFaultRule
{
    /// <summary>An endpoint name (see README, e.g. <c>carts.checkout</c>) or <c>*</c> for all.</summary>
    public required string Endpoint { get; init; }

    /// <summary>Probability in [0, 1] that a request to the endpoint gets <see cref="Kind"/>.</summary>
    public double FailureRate { get; init; }

    public FaultKind Kind { get; init; } = FaultKind.ServerError;

    /// <summary>Added before every request to the endpoint (waited on the simulator's TimeProvider).</summary>
    public TimeSpan Latency { get; init; }
}
