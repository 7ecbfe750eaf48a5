namespace KaizalaBot.PartnerCenter.Simulator.State;

internal sealed record CartLineRecord
{
    public required int Id { get; init; }

    public required string CatalogItemId { get; init; }

    public required int Quantity { get; init; }

    public required string BillingCycle { get; init; }

    public string? TermDuration { get; init; }

    public string? FriendlyName { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorDescription { get; init; }
}
