namespace KaizalaBot.PartnerCenter.Simulator.State;

/// <summary>A customer of the demo partner; the id is also the customer's Entra tenant id, as in Partner Center.</summary>
internal sealed record CustomerRecord
{
    public required string Id { get; init; }

    public required int Index { get; init; }

    public required string CompanyName { get; init; }

    public required string Domain { get; init; }

    /// <summary>ISO 3166 alpha-2, as Partner Center's <c>country</c> query parameter.</summary>
    public required string Country { get; init; }

    /// <summary><c>commercial</c> or <c>education</c>.</summary>
    public required string Segment { get; init; }

    public required string City { get; init; }

    public required string PostalCode { get; init; }

    public required string AddressLine1 { get; init; }

    public required string Email { get; init; }

    public required string CommerceId { get; init; }
}
