using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Files;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Migration.Tests;

/// <summary>Two runners (two instances) on one store: each migration runs once.</summary>
public sealed class TwoRunnersTests
{
    [Fact]
    public Task TwoRunners_MemoryStore_EachMigrationRunsOnce() => RunTwoAsync(storage: null, leases: null);

    [Fact]
    public async Task TwoRunners_FileStore_EachMigrationRunsOnce()
    {
        using var root = new TempDirectory();
        await RunTwoAsync(
            storage: time => new FileStorage(root.Path, time),
            leases: services => new FileLeaseManager(root.Path, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<FileLeaseManager>>()));
    }

    internal static async Task RunTwoAsync(Func<TimeProvider, IStorage>? storage, Func<IServiceProvider, ILeaseManager>? leases)
    {
        await using var harness = await MigrationHarness.StartAsync(
            storage: storage, leases: leases);
        var sources = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 4).OrderBy(s => s.AssignedUsers).Take(2).ToList();
        var drafts = new List<MigrationDraft>();
        var ids = new List<string>();
        foreach (var source in sources)
        {
            var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 4);
            drafts.Add(draft);
            ids.Add((await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id);
        }

        using var stop = new CancellationTokenSource();
        var runners = new[] { harness.NewInstance(), harness.NewInstance() }.Select(i => MigrationHarness.Runner(i).RunAsync(stop.Token)).ToList();
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(ids.Select(id => harness.Service.GetAsync(id, CancellationToken.None)))).All(m => !m!.State.IsRunnable()),
            "both migrations to finish");
        await stop.CancelAsync();
        await Task.WhenAll(runners).WithinAsync("the runners to stop");

        for (var i = 0; i < ids.Count; i++)
        {
            var done = (await harness.Service.GetAsync(ids[i], CancellationToken.None))!;
            Assert.Equal(MigrationState.Completed, done.State);
            await ExactlyOnce.AssertBoughtOnceAsync(harness, done, drafts[i], "3b555118-da6a-4418-894f-7df1e2096870");
        }
    }
}
