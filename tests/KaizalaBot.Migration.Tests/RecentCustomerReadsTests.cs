using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter.Models;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// The conversation's recent reads of a customer (<see cref="RecentCustomerReads"/>): served for
/// <c>Migration:CustomerReadLifetime</c> and not a moment longer, replaced by a newer read, bounded, off at zero, and
/// consistent under many turns at once.
/// </summary>
public sealed class RecentCustomerReadsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void Find_WithinTheLifetime_ServesTheKeptReads_AndNothingOnceItHasPassed()
    {
        var recent = Recent(TimeSpan.FromMinutes(1));
        var kept = Reads("c1", seats: 5);
        recent.Keep(kept);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Same(kept, recent.Find("C1"));   // customer ids compare without case, as Partner Center's do

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(recent.Find("c1"));
        Assert.Equal(0, recent.Count);
    }

    [Fact]
    public void Keep_AfterExpiry_TheChangedCustomerIsWhatIsServed()
    {
        var recent = Recent(TimeSpan.FromMinutes(1));
        recent.Keep(Reads("c1", seats: 5));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(recent.Find("c1"));

        recent.Keep(Reads("c1", seats: 9));

        Assert.Equal(9, recent.Find("c1")!.Subscriptions.Single().Quantity);
        Assert.Equal(1, recent.Count);
    }

    [Fact]
    public void Keep_ANewerReadOfTheSameCustomer_ReplacesTheOlderAndRestartsItsLifetime()
    {
        var recent = Recent(TimeSpan.FromMinutes(1));
        recent.Keep(Reads("c1", seats: 5));
        _time.Advance(TimeSpan.FromSeconds(40));
        recent.Keep(Reads("c1", seats: 6));
        _time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal(6, recent.Find("c1")!.Subscriptions.Single().Quantity);
        Assert.Equal(1, recent.Count);
    }

    [Fact]
    public void Keep_BeyondTheBound_DropsTheOldestReads()
    {
        var recent = Recent(TimeSpan.FromMinutes(1), maxCustomers: 3);
        foreach (var customer in new[] { "a", "b", "c", "d", "e" })
        {
            recent.Keep(Reads(customer, seats: 1));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, recent.Count);
        Assert.Null(recent.Find("a"));
        Assert.Null(recent.Find("b"));
        Assert.All(new[] { "c", "d", "e" }, c => Assert.NotNull(recent.Find(c)));
    }

    [Fact]
    public void Keep_WithAZeroLifetime_KeepsNothing()
    {
        var recent = Recent(TimeSpan.Zero);
        recent.Keep(Reads("c1", seats: 5));

        Assert.Null(recent.Find("c1"));
        Assert.Equal(0, recent.Count);
    }

    [Fact]
    public void Find_AReadDatedAfterNow_IsNotServed()
    {
        // The clock set back after the read: its age is unknown, so it is read again rather than served for ever.
        var recent = Recent(TimeSpan.FromMinutes(1));
        recent.Keep(Reads("c1", seats: 5) with { ReadAt = Now.AddMinutes(10) });

        Assert.Null(recent.Find("c1"));
    }

    [Fact]
    public async Task KeepAndFind_ManyTurnsAtOnce_StayWithinTheBoundAndServeOnlyTheCustomerAsked()
    {
        var recent = Recent(TimeSpan.FromMinutes(1), maxCustomers: 20);
        var customers = Enumerable.Range(0, 50).Select(i => $"c{i}").ToArray();
        var wrong = 0;
        var served = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 20_000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            var customer = customers[i % customers.Length];
            if (i % 3 == 0)
            {
                recent.Keep(Reads(customer, seats: i));
            }
            else if (recent.Find(customer) is { } found)
            {
                Interlocked.Increment(ref served);
                if (found.CustomerId != customer || found.Subscriptions.Single().Id != $"{customer}-sub")
                {
                    Interlocked.Increment(ref wrong);
                }
            }

            return ValueTask.CompletedTask;
        });

        Assert.Equal(0, wrong);
        Assert.True(served > 0, "no look-up found a kept read");
        Assert.InRange(recent.Count, 1, 20);
    }

    private RecentCustomerReads Recent(TimeSpan lifetime, int maxCustomers = RecentCustomerReads.MaxCustomers) =>
        new(Options.Create(new MigrationOptions { CustomerReadLifetime = lifetime }), _time, maxCustomers);

    private CustomerReads Reads(string customerId, int seats) =>
        new(customerId, [new Subscription { Id = $"{customerId}-sub", Quantity = seats }], [], _time.GetUtcNow());
}
