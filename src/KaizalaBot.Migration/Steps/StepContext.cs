using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.PartnerCenterAccess;

namespace KaizalaBot.Migration.Steps;

/// <summary>What a step works with: the owned record, audited Partner Center access, the store and the clock.</summary>
internal sealed class StepContext
{
    public required MigrationSession Session { get; init; }

    public required AuditedPartnerCenter PartnerCenter { get; init; }

    public required MigrationStore Store { get; init; }

    public required ReplacementPlan Plan { get; init; }

    public required MigrationRunnerOptions Options { get; init; }

    public required TimeProvider Time { get; init; }

    public required ProgressCoalescer Progress { get; init; }

    public MigrationRecord Migration => Session.Current;

    public CallScope Scope => CallScope.For(Session.Current);

    /// <summary>Between Partner Center calls: stop here if the seller cancelled (seen on the last save or refresh).</summary>
    public void ThrowIfCancelRequested()
    {
        if (Session.Current.CancelRequestedBy is not null)
        {
            throw new MigrationCancelledException();
        }
    }
}
