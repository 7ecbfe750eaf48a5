using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>Progress reaches the seller at most once per interval, always with the last change, and nothing is lost at the end.</summary>
public sealed class ProgressCoalescerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly List<(DateTimeOffset At, int Moved)> _sent = [];

    [Fact]
    public async Task Report_First_IsSentAtOnce()
    {
        await using var coalescer = NewCoalescer();

        await coalescer.ReportAsync(Progress(1));

        Assert.Equal([(_clock.GetUtcNow(), 1)], _sent);
    }

    [Fact]
    public async Task Report_ManyWithinAnInterval_OnlyTheLastIsSent_WhenTheIntervalEnds()
    {
        await using var coalescer = NewCoalescer();
        var start = _clock.GetUtcNow();
        await coalescer.ReportAsync(Progress(1));

        for (var moved = 2; moved <= 5; moved++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await coalescer.ReportAsync(Progress(moved));
        }

        Assert.Equal([(start, 1)], _sent);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([(start, 1), (start + Interval, 5)], _sent);
    }

    [Fact]
    public async Task Report_ASteadyStream_IsSentAtMostOncePerIntervalAndEndsOnTheLastChange()
    {
        await using var coalescer = NewCoalescer();

        for (var moved = 1; moved <= 60; moved++)
        {
            await coalescer.ReportAsync(Progress(moved));
            _clock.Advance(TimeSpan.FromMilliseconds(700));
        }

        _clock.Advance(Interval);

        Assert.InRange(_sent.Count, 8, 10);   // 42 s of reports: one every 5 s, plus the first
        Assert.All(_sent.Zip(_sent.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Interval));
        Assert.Equal(60, _sent[^1].Moved);
    }

    [Fact]
    public async Task Flush_AtTheEndOfAStep_SendsThePendingReportAtOnce_AndNothingAfterDisposal()
    {
        var coalescer = NewCoalescer();
        await coalescer.ReportAsync(Progress(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await coalescer.ReportAsync(Progress(2));

        await coalescer.FlushAsync();
        await coalescer.DisposeAsync();
        _clock.Advance(Interval * 3);

        Assert.Equal([1, 2], _sent.Select(s => s.Moved));
    }

    [Fact]
    public async Task Report_WhileASendIsSlow_WaitsForIt_AndTheLaterChangeStillArrives()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = 0;
        var overlapped = false;
        await using var coalescer = new ProgressCoalescer(
            async p =>
            {
                overlapped |= Interlocked.Increment(ref sending) > 1;
                await release.Task;
                _sent.Add((_clock.GetUtcNow(), p.UsersMoved));
                Interlocked.Decrement(ref sending);
            },
            _clock,
            Interval);

        var first = coalescer.ReportAsync(Progress(1));
        _clock.Advance(Interval);
        var second = coalescer.ReportAsync(Progress(2));
        Assert.False(second.IsCompleted);
        release.SetResult();
        await Task.WhenAll(first, second);

        Assert.False(overlapped);
        Assert.Equal([1, 2], _sent.Select(s => s.Moved));
    }

    private ProgressCoalescer NewCoalescer() => new(
        p =>
        {
            _sent.Add((_clock.GetUtcNow(), p.UsersMoved));
            return Task.CompletedTask;
        },
        _clock,
        Interval);

    private static MigrationProgress Progress(int moved) => new(Record, moved, 0, 100);

    private static readonly MigrationRecord Record = new()
    {
        Id = "m1", CorrelationId = Guid.Empty, CustomerId = "c", SourceSubscriptionId = "s", PlanId = "p", TargetSkuId = "t", KaizalaSkuId = "k",
        PurchaseKind = PurchaseKind.NewSubscription, LicenceCount = 100, UserCount = 100, Country = "FR",
        RequestedBy = new SellerIdentity("tenant", "seller", "Seller"), State = MigrationState.MovingLicences, CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
