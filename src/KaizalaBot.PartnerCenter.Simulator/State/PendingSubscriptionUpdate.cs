namespace KaizalaBot.PartnerCenter.Simulator.State;

/// <summary>
/// A PATCH answered 202 + Location (reference §3.4): validated when accepted, it shows on the subscription only once
/// <see cref="AppliesAt"/> has passed; until then reads return the subscription as it was.
/// </summary>
internal sealed record PendingSubscriptionUpdate
{
    public required SubscriptionRecord Updated { get; init; }

    public required DateTimeOffset AppliesAt { get; init; }
}
