using System.Text.Json;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Migration.Planning;

/// <summary>What the seller chose in the conversation: previewed, then confirmed as is.</summary>
public sealed record MigrationDraft
{
    public required SellerIdentity Seller { get; init; }

    public required string CustomerId { get; init; }

    public string? CustomerName { get; init; }

    public required string SourceSubscriptionId { get; init; }

    public required string PlanId { get; init; }

    public PurchaseKind PurchaseKind { get; init; } = PurchaseKind.NewSubscription;

    /// <summary>For <see cref="PurchaseKind.AddSeats"/>: the held subscription to grow.</summary>
    public string? ExistingSubscriptionId { get; init; }

    /// <summary>New subscription: its quantity. Add seats: the seats to add (0 when its free seats suffice).</summary>
    public required int LicenceCount { get; init; }

    public required IReadOnlyList<MigrationUser> Users { get; init; }

    /// <summary>Opaque to the engine: handed back to the notifier.</summary>
    public JsonElement? ConversationReference { get; init; }

    public string? ProgressActivityId { get; init; }

    public string? Language { get; init; }
}
