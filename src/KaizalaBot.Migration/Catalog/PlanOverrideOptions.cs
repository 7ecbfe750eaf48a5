namespace KaizalaBot.Migration.Catalog;

/// <summary>
/// One entry of <c>Migration:Plans</c>: a partner whose catalogue differs from the defaults changes a plan's ids here
/// instead of in code, or disables the plan. Unset values keep the default.
/// </summary>
public sealed record PlanOverrideOptions
{
    /// <summary>The plan's key in the catalogue, e.g. <c>m365-business-basic</c>.</summary>
    public string Id { get; init; } = "";

    public bool Enabled { get; init; } = true;

    public string? ProductId { get; init; }

    public string? SkuCode { get; init; }

    public string? SkuId { get; init; }

    public int? MaximumSeats { get; init; }
}
