using KaizalaBot.Storage;

namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// One runner's hold on one migration record. Every save is conditional on the ETag last seen; on a conflict the
/// record is re-read and the change re-applied only if the stored claim is still ours (a seller's cancel, retry or
/// accept-remainder merges in), otherwise <see cref="OwnershipLostException"/>: the record's ETag, not the lease, is
/// the real guard against a runner whose lease lapsed.
/// </summary>
internal sealed class MigrationSession(MigrationStore store, TimeProvider time, MigrationRecord record, string eTag)
{
    private readonly Guid _claimId = record.Claim?.ClaimId ?? throw new ArgumentException("The record carries no claim.", nameof(record));
    private string _eTag = eTag;

    public MigrationRecord Current { get; private set; } = record;

    /// <summary>Whether this run has saved the record since its claim (a step done, progress or a wait recorded).</summary>
    public bool HasSaved { get; private set; }

    /// <summary>
    /// Saves progress (a step done, progress or a wait recorded). A migration that moves is no longer held up by Partner
    /// Center, so every such save also clears <see cref="MigrationRecord.Outage"/>.
    /// </summary>
    public async Task<MigrationRecord> SaveAsync(Func<MigrationRecord, MigrationRecord> change, CancellationToken cancellationToken)
    {
        var saved = await ReplaceAsync(m => change(m) with { Outage = null }, cancellationToken);
        HasSaved = true;
        return saved;
    }

    /// <summary>
    /// Saves what the record shows about the run without it being progress (<see cref="HasSaved"/> unchanged): the runner
    /// must go on backing off a migration whose runs only record that Partner Center is unwell.
    /// </summary>
    public Task<MigrationRecord> SaveOutageAsync(PartnerCenterOutage outage, CancellationToken cancellationToken) =>
        ReplaceAsync(m => m with { Outage = outage }, cancellationToken);

    private async Task<MigrationRecord> ReplaceAsync(Func<MigrationRecord, MigrationRecord> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = change(Current) with { UpdatedAt = time.GetUtcNow() };
            try
            {
                _eTag = await store.ReplaceAsync(next, _eTag, cancellationToken);
                Current = next;
                return next;
            }
            catch (StorageConflictException)
            {
                await RefreshAsync(cancellationToken);
            }
        }
    }

    /// <summary>Re-reads the record (to see a cancel request); throws when another runner owns it now.</summary>
    public async Task<MigrationRecord> RefreshAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(Current.Id, cancellationToken) ?? throw new MigrationNotFoundException(Current.Id);
        if (stored.Value.Claim?.ClaimId != _claimId)
        {
            throw new OwnershipLostException($"Migration {Current.Id} was claimed by another runner.");
        }

        Current = stored.Value;
        _eTag = stored.ETag;
        return Current;
    }
}
