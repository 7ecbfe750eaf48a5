namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// Which runner owns the migration now. A runner writes only while the stored claim is its own, so a holder whose
/// lease lapsed (a paused VM, a long GC) cannot overwrite the work of the runner that took over.
/// </summary>
public sealed record RunnerClaim(Guid ClaimId, string HolderId, DateTimeOffset ClaimedAt);
