using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Planning;

/// <summary>A customer's Kaizala Pro subscription as the seller sees it: seats, who uses them, when it ends.</summary>
public sealed record KaizalaSubscriptionSummary
{
    public required string CustomerId { get; init; }

    public required string SubscriptionId { get; init; }

    public string? FriendlyName { get; init; }

    public required SubscriptionStatus Status { get; init; }

    public required int Seats { get; init; }

    /// <summary>Kaizala Pro licences assigned to users (subscribed SKUs' consumed units).</summary>
    public required int AssignedUsers { get; init; }

    public int UnassignedSeats => Math.Max(0, Seats - AssignedUsers);

    public DateTimeOffset? EndDate { get; init; }

    /// <summary>Whole days until the end date (negative once ended).</summary>
    public int? DaysLeft { get; init; }

    public bool AutoRenewEnabled { get; init; }

    /// <summary>The customer's subscribed SKUs hold Kaizala Pro: the subscription is confirmed, not only guessed from its offer.</summary>
    public bool ConfirmedBySubscribedSkus { get; init; }
}
