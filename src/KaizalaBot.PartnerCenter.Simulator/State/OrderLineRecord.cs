namespace KaizalaBot.PartnerCenter.Simulator.State;

internal sealed record OrderLineRecord
{
    public required int LineItemNumber { get; init; }

    public required string OfferId { get; init; }

    public required string SubscriptionId { get; init; }

    public required string SkuId { get; init; }

    public required int Quantity { get; init; }

    public required string FriendlyName { get; init; }

    public required string TermDuration { get; init; }

    public required string BillingCycle { get; init; }
}
