namespace KaizalaBot.PartnerCenter.Simulator.State;

internal sealed record OrderRecord
{
    public required string Id { get; init; }

    public required string CartId { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>When provisioning finishes: the subscriptions and their licences appear only then.</summary>
    public required DateTimeOffset ProvisionedAt { get; init; }

    /// <summary>pending, completed.</summary>
    public required string Status { get; init; }

    public required string BillingCycle { get; init; }

    public required IReadOnlyList<OrderLineRecord> LineItems { get; init; }

    /// <summary>From the checkout's <c>x-ms-customeruser-upn</c> header: that user receives the licences.</summary>
    public string? AssignToUserPrincipalName { get; init; }
}
