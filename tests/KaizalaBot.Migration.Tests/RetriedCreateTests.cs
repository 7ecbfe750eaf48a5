using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.Storage.Memory;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// A confirmation whose create-only writes land but are answered 409 by the Blob client's own retry (Azure SDK issue
/// 16625; run 87 of the 100-run crash harness met it on the slot, and the seller got "already active" for a migration
/// that was their own). Each write a confirmation creates under a fresh id is tried: the confirmation must be done, the
/// migration queued once, and the slot still guards the subscription against a second one.
/// </summary>
public sealed class RetriedCreateTests
{
    [Theory]
    [InlineData("migration-active/")]
    [InlineData("migration-selections/")]
    [InlineData("migrations/")]
    [InlineData("audit/")]
    public async Task Confirm_CreateLandedButAnsweredConflict_DoneAndQueuedOnce(string keyPrefix)
    {
        LandedThenConflictStorage? storage = null;
        await using var harness = await MigrationHarness.StartAsync(storage: _ => storage = new LandedThenConflictStorage(new MemoryStorage(), keyPrefix));
        var source = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 3).MinBy(s => s.AssignedUsers)!;
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 2);

        var confirmed = await harness.Service.ConfirmAsync(draft, CancellationToken.None);

        Assert.True(storage!.Tripped, $"no create-only write under {keyPrefix}");
        Assert.Equal(CommandStatus.Done, confirmed.Status);
        var stored = await harness.Service.GetAsync(confirmed.Migration!.Id, CancellationToken.None);
        Assert.Equal(MigrationState.Queued, stored!.State);
        var again = await harness.Service.ConfirmAsync(draft, CancellationToken.None);
        Assert.Equal(CommandStatus.AlreadyActive, again.Status);
        Assert.Equal(confirmed.Migration.Id, again.Migration?.Id);
    }
}
