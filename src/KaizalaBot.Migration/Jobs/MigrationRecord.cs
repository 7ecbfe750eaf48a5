using System.Text.Json;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// The migration as a job (architecture §5). Kept small on purpose — a few kilobytes whatever the user count — because
/// it is rewritten after every Partner Center call of steps A and C: the selected users live in a selection document
/// written once, and each user's result in its own document (see <see cref="MigrationStore"/>).
/// </summary>
public sealed record MigrationRecord
{
    public required string Id { get; init; }

    /// <summary>MS-CorrelationId of every Partner Center call of this migration.</summary>
    public required Guid CorrelationId { get; init; }

    public required string CustomerId { get; init; }

    public string? CustomerName { get; init; }

    public required string SourceSubscriptionId { get; init; }

    public required string PlanId { get; init; }

    public required string TargetSkuId { get; init; }

    public required string KaizalaSkuId { get; init; }

    public required PurchaseKind PurchaseKind { get; init; }

    /// <summary>For <see cref="PurchaseKind.AddSeats"/>: the subscription whose quantity is raised.</summary>
    public string? ExistingSubscriptionId { get; init; }

    /// <summary>New subscription: its quantity. Add seats: the seats added.</summary>
    public required int LicenceCount { get; init; }

    public required int UserCount { get; init; }

    public required string Country { get; init; }

    public required SellerIdentity RequestedBy { get; init; }

    public string? PartnerCenterUserId { get; init; }

    /// <summary>The host's conversation reference, opaque to the engine (it only hands it back to the notifier).</summary>
    public JsonElement? ConversationReference { get; init; }

    public string? ProgressActivityId { get; init; }

    public string? Language { get; init; }

    public required MigrationState State { get; init; }

    /// <summary>Where a Queued migration starts: Purchasing unless the seller retried users or accepted the remainder.</summary>
    public MigrationState? ResumeAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public RunnerClaim? Claim { get; init; }

    public PurchaseProgress Purchase { get; init; } = new();

    public LicenceProgress Licences { get; init; } = new();

    public SuspensionProgress Suspension { get; init; } = new();

    public VerificationResult? Verification { get; init; }

    public ApprovalDecision? Approval { get; init; }

    public SellerIdentity? CancelRequestedBy { get; init; }

    /// <summary>The seller chose to suspend Kaizala Pro although some users could not be moved.</summary>
    public bool AcceptRemainder { get; init; }

    /// <summary>The seller asked to run B again for the failed users (all of them, permanent reasons included).</summary>
    public bool RetryFailedRequested { get; init; }

    /// <summary>Partner Center failing transiently since the migration last moved: its card says so until it moves again.</summary>
    public PartnerCenterOutage? Outage { get; init; }

    /// <summary>Why the migration needs attention, or why it stopped.</summary>
    public MigrationMessage? Attention { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
