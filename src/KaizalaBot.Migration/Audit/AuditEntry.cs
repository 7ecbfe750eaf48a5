using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Migration.Audit;

/// <summary>
/// One line of the append-only audit trail. Holds identifiers, codes and statuses only: never a token, a secret or a
/// request body.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>The migration, or <see cref="AuditTrail.AuthorizationStream"/> for a refusal outside any migration.</summary>
    public required string MigrationId { get; init; }

    public required DateTimeOffset At { get; init; }

    public required AuditKind Kind { get; init; }

    /// <summary>e.g. <c>carts.checkout</c>, <c>users.licenseupdates</c>, <c>migration.confirmed</c>, <c>authorization.refused</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>Who in Teams the action is done for.</summary>
    public SellerIdentity? Actor { get; init; }

    public string? PartnerCenterUserId { get; init; }

    /// <summary>What was acted on: a user, subscription, cart or order id.</summary>
    public string? Target { get; init; }

    public Guid? RequestId { get; init; }

    public Guid? CorrelationId { get; init; }

    /// <summary><c>succeeded</c>, <c>failed</c>, <c>refused</c>, or a decision's result.</summary>
    public required string Status { get; init; }

    public int? HttpStatus { get; init; }

    public string? ErrorCode { get; init; }
}
