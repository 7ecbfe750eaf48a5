using KaizalaBot.Migration.Catalog;

namespace KaizalaBot.Migration.Planning;

/// <summary>The pre-flight checks of a draft: what would happen, and every finding that blocks or warns.</summary>
public sealed record MigrationPreview
{
    public required MigrationDraft Draft { get; init; }

    public ReplacementPlan? Plan { get; init; }

    public KaizalaSubscriptionSummary? Source { get; init; }

    public LicenceCountDecision? LicenceCount { get; init; }

    /// <summary>The held subscription seats would be added to, with its free seats.</summary>
    public HeldPlan? Target { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public IReadOnlyList<CandidateUser> Users { get; init; } = [];

    /// <summary>When the users' licences shown were read: the cached listing's time when the preview reused it (show its age).</summary>
    public DateTimeOffset UsersReadAt { get; init; }

    public bool RequiresApproval { get; init; }

    public bool CanConfirm => Findings.All(f => f.Severity != FindingSeverity.Blocks);
}
