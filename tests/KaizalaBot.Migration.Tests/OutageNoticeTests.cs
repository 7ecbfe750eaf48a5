using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// A migration held up by Partner Center answering 503 tells its seller so (the status, when it is tried again), once
/// when the pause starts and again only when the card would say something else; the runner goes on backing off, and once
/// Partner Center recovers the migration completes, the notice is gone and nothing was done twice.
/// </summary>
public sealed class OutageNoticeTests : IAsyncLifetime
{
    private const string BusinessBasicSkuId = "3b555118-da6a-4418-894f-7df1e2096870";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    // The runner's clock, moved only by the test (the harness's is pumped forward all the time): the back-off, and so the
    // next attempt the card shows, are measured on it.
    private readonly FakeTimeProvider _clock = new(MigrationHarness.Start);
    private MigrationHarness _harness = null!;
    private MigrationRunner _runner = null!;
    private MigrationDraft _draft = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _harness = await MigrationHarness.StartAsync();
        _runner = ActivatorUtilities.CreateInstance<MigrationRunner>(_harness.Primary, _clock);
        var source = (await _harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 3).MinBy(s => s.AssignedUsers)!;
        _draft = await _harness.DraftAsync(source, "m365-business-basic", maxUsers: 3);
        _id = (await _harness.Service.ConfirmAsync(_draft, CancellationToken.None)).Migration!.Id;

        // The purchase goes through; then every look at the order answers 503, so the migration waits in provisioning.
        await _harness.SetFaultRulesAsync(MigrationHarness.Always("orders.get", "serviceUnavailable"));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Poll_PartnerCenterAnswers503_NotifiesTheOutageWhenItStartsAndWhenTheShownNextAttemptMoves()
    {
        // 08:00:00: bought, then paused in provisioning (after progress: tried again at the next poll).
        Assert.Equal(1, await PollAsync());
        Assert.Equal(MigrationState.AwaitingProvisioning, (await RecordAsync()).State);

        // Paused without progress: 5, 10, 20, 40, 80 s... The next attempts 08:00:05, 08:00:15 and 08:00:35 show as the
        // 08:00 already on the card; 08:01:15, 08:02:35 and 08:05:15 do not.
        Assert.Equal(1, await PollAsync());
        Assert.Equal(0, await PollAsync());
        foreach (var seconds in new[] { 5, 10, 20, 40, 80 })
        {
            await AssertWaitsAsync(TimeSpan.FromSeconds(seconds));
        }

        var notices = Notices();
        Assert.Equal(
            [Minutes(0, 5), Minutes(1, 15), Minutes(2, 35), Minutes(5, 15)],
            notices.Select(n => n.Migration.Outage!.NextAttemptAt));
        Assert.All(notices, n =>
        {
            Assert.Equal(503, n.Migration.Outage!.StatusCode);
            Assert.Equal(notices[0].Migration.Outage!.Since, n.Migration.Outage.Since);
            Assert.Equal(MigrationState.AwaitingProvisioning, n.Migration.State);
        });
        var stored = await RecordAsync();
        Assert.Equal(Minutes(5, 15), stored.Outage!.NextAttemptAt);
        Assert.Equal(MigrationState.AwaitingProvisioning, stored.State);
    }

    [Fact]
    public async Task Poll_PartnerCenterRecovers_MigrationCompletesWithoutTheNoticeAndNothingDoneTwice()
    {
        Assert.Equal(1, await PollAsync());
        Assert.Equal(1, await PollAsync());
        await AssertWaitsAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull((await RecordAsync()).Outage);
        var noticesBefore = _harness.Notifier.Progress.Count;

        await _harness.SetFaultRulesAsync();
        _clock.Advance(TimeSpan.FromSeconds(10));
        var done = await _harness.RunToRestAsync(_runner, _id);

        Assert.Equal(MigrationState.Completed, done.State);
        Assert.Null(done.Outage);
        await ExactlyOnce.AssertBoughtOnceAsync(_harness, done, _draft, BusinessBasicSkuId);
        var after = _harness.Notifier.Progress.Skip(noticesBefore).Where(p => p.Migration.Id == _id).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, p => Assert.Null(p.Migration.Outage));
        Assert.Contains(_harness.Notifier.Finished, m => m.Id == _id && m.State == MigrationState.Completed && m.Outage is null);
    }

    private static DateTimeOffset Minutes(int minutes, int seconds) => MigrationHarness.Start + new TimeSpan(0, minutes, seconds);

    private List<MigrationProgress> Notices() =>
        [.. _harness.Notifier.Progress.Where(p => p.Migration.Id == _id && p.Migration.Outage is not null)];

    private async Task<MigrationRecord> RecordAsync() => (await _harness.Service.GetAsync(_id, CancellationToken.None))!;

    // Not run by a poll just before the back-off ends, and run (pausing again) by the poll when it ends.
    private async Task AssertWaitsAsync(TimeSpan delay)
    {
        _clock.Advance(delay - Tick);
        Assert.True(await PollAsync() == 0, $"run {Tick.TotalMilliseconds} ms before its {delay} back-off ended");
        _clock.Advance(Tick);
        Assert.True(await PollAsync() == 1, $"not run when its {delay} back-off ended");
    }

    private async Task<int> PollAsync()
    {
        var started = await _runner.PollOnceAsync(CancellationToken.None);
        await _runner.WhenIdleAsync().WithinAsync("the runs the poll started to end");
        return started;
    }
}
