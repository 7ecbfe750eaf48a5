using KaizalaBot.Migration.Catalog;

namespace KaizalaBot.Migration.Planning;

/// <summary>A plan the seller may choose, how it would be bought, and why it is (or is not) proposed.</summary>
public sealed record PlanOption
{
    public required ReplacementPlan Plan { get; init; }

    public required bool IsRecommended { get; init; }

    /// <summary>False when the plan cannot take this many users or does not fit the customer's segment.</summary>
    public required bool IsAllowed { get; init; }

    public required PurchaseKind PurchaseKind { get; init; }

    /// <summary>The subscription seats would be added to, for <see cref="PurchaseKind.AddSeats"/>.</summary>
    public HeldPlan? Existing { get; init; }

    public IReadOnlyList<MigrationMessage> Reasons { get; init; } = [];
}
