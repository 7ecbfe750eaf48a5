using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.Storage.Memory;
using KaizalaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// A migration whose runs keep throwing is tried again after a doubling delay, not at every poll; the other migrations
/// and the poll itself are not slowed by it.
/// </summary>
public sealed class RunnerBackoffTests : IAsyncLifetime
{
    private const string Failing = "m-failing";
    private const string Healthy = "m-healthy";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    // The runner gets a clock of its own, moved only by the test: the harness's clock is pumped forward all the time, so a
    // back-off measured on it would end at no particular poll.
    private readonly FakeTimeProvider _clock = new(MigrationHarness.Start);
    private MigrationHarness _harness = null!;
    private ScriptedRecordReadsStorage _storage = null!;
    private MigrationRunner _runner = null!;

    public async Task InitializeAsync()
    {
        ScriptedRecordReadsStorage? storage = null;
        _harness = await MigrationHarness.StartAsync(storage: _ => storage = new ScriptedRecordReadsStorage(new MemoryStorage()));
        _storage = storage!;
        _runner = ActivatorUtilities.CreateInstance<MigrationRunner>(_harness.Primary, _clock);
        var store = _harness.Primary.GetRequiredService<MigrationStore>();

        // Markers without records: a run that reads a missing record ends at once, normally, and the marker stays.
        await store.MarkRunnableAsync(Failing, CancellationToken.None);
        await store.MarkRunnableAsync(Healthy, CancellationToken.None);
        _storage.Set(Failing, RecordRead.Throws);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Poll_RunThrowsEveryTime_RetriedAfter5s10s20sAndSoOnUpTo15Minutes()
    {
        await PollAsync();   // failure 1
        var expected = new[] { 5, 10, 20, 40, 80, 160, 320, 640, 900, 900, 900 };

        for (var i = 0; i < expected.Length; i++)
        {
            await AssertWaitsAsync(TimeSpan.FromSeconds(expected[i]), $"after failure {i + 1}");
        }

        var logged = _harness.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Error && r.GetStructuredStateValue("MigrationId") == Failing).ToList();
        Assert.Equal(expected.Length + 1, logged.Count);
        Assert.Equal($"{expected.Length + 1}", logged[^1].GetStructuredStateValue("ConsecutiveFailures"));
        Assert.IsType<InvalidOperationException>(logged[^1].Exception);
    }

    [Fact]
    public async Task Poll_RunSucceedsAfterFailures_NextFailureWaitsPollIntervalAgain()
    {
        await PollAsync();
        await AssertWaitsAsync(TimeSpan.FromSeconds(5), "after failure 1");
        await AssertWaitsAsync(TimeSpan.FromSeconds(10), "after failure 2");
        _storage.Set(Failing, RecordRead.Stored);
        await AssertWaitsAsync(TimeSpan.FromSeconds(20), "after failure 3");   // this run ends normally

        _storage.Set(Failing, RecordRead.Throws);
        var before = _storage.Reads(Failing);
        await PollAsync();   // at once: the success ended the back-off

        Assert.Equal(before + 1, _storage.Reads(Failing));
        await AssertWaitsAsync(TimeSpan.FromSeconds(5), "after the first failure since the success");
    }

    [Fact]
    public async Task Poll_OneMigrationKeepsFailing_OtherMigrationsStartAtEveryPoll()
    {
        Assert.Equal(2, await PollAsync());
        for (var second = 1; second < 5; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));

            Assert.Equal(1, await PollAsync());
            Assert.Equal(1, _storage.Reads(Failing));
            Assert.Equal(1 + second, _storage.Reads(Healthy));
        }

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await PollAsync());
        Assert.Equal(2, _storage.Reads(Failing));
    }

    [Fact]
    public async Task Poll_RunStoppedDuringItsBackoff_StopIsNeitherAFailureNorASuccess()
    {
        await PollAsync();
        _clock.Advance(TimeSpan.FromSeconds(5));
        _storage.Set(Failing, RecordRead.HangsUntilStopped);
        using (var stop = new CancellationTokenSource())
        {
            await _runner.PollOnceAsync(stop.Token);
            await Eventually.TrueAsync(() => Task.FromResult(_storage.Reads(Failing) == 2), "the run to read its record");
            await stop.CancelAsync();
            await _runner.WhenIdleAsync().WithinAsync("the stopped run to end");
        }

        // A counted stop would hold the migration back now; a clearing one would make the next failure wait 5 s.
        _storage.Set(Failing, RecordRead.Throws);
        await PollAsync();

        Assert.Equal(3, _storage.Reads(Failing));
        await AssertWaitsAsync(TimeSpan.FromSeconds(10), "after failure 2");
    }

    [Fact]
    public async Task Poll_FailedMigrationNoLongerRunnable_IsForgotten()
    {
        var store = _harness.Primary.GetRequiredService<MigrationStore>();
        await PollAsync();
        await store.UnmarkRunnableAsync(Failing, CancellationToken.None);   // cancelled or finished by another instance
        await PollAsync();

        // Runnable again (the seller retried it): nothing of the earlier failures is left to hold it back.
        await store.MarkRunnableAsync(Failing, CancellationToken.None);
        await PollAsync();

        Assert.Equal(2, _storage.Reads(Failing));
    }

    // The failing migration is not started by a poll just before the delay ends, and is by the poll when it ends.
    private async Task AssertWaitsAsync(TimeSpan delay, string when)
    {
        var before = _storage.Reads(Failing);
        _clock.Advance(delay - Tick);
        await PollAsync();
        Assert.True(before == _storage.Reads(Failing), $"started {Tick.TotalMilliseconds} ms before its {delay} back-off {when} ended");

        _clock.Advance(Tick);
        await PollAsync();
        Assert.True(before + 1 == _storage.Reads(Failing), $"not started when its {delay} back-off {when} ended");
    }

    private async Task<int> PollAsync()
    {
        var started = await _runner.PollOnceAsync(CancellationToken.None);
        await _runner.WhenIdleAsync().WithinAsync("the runs the poll started to end");
        return started;
    }
}
