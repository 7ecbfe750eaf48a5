using KaizalaBot.Migration.Planning;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// The customer searches kept a moment (<see cref="RecentCustomerSearches"/>): served for
/// <c>Migration:CustomerReadLifetime</c> and not a moment longer, by prefix without regard to case, bounded by the number
/// of searches and by the customers they hold, off at zero.
/// </summary>
public sealed class RecentCustomerSearchesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 21, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void Find_WithinTheLifetime_ServesTheKeptMatches_AndNothingOnceItHasPassed()
    {
        var recent = Recent(TimeSpan.FromMinutes(1));
        var kept = Matches("contoso", 2);
        recent.Keep("contoso", kept, _time.GetUtcNow());

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Same(kept, recent.Find(" CONTOSO "));   // Partner Center's starts_with ignores case; the step trims

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(recent.Find("contoso"));
        Assert.Equal(0, recent.Count);
    }

    [Fact]
    public void Find_AnotherPrefix_IsNotServedTheKeptOne()
    {
        var recent = Recent(TimeSpan.FromMinutes(1));
        recent.Keep("contoso", Matches("contoso", 2), _time.GetUtcNow());

        // "cont" matches more than "contoso" did; "contoso.com" fewer: neither is derived from another search.
        Assert.Null(recent.Find("cont"));
        Assert.Null(recent.Find("contoso.com"));
    }

    [Fact]
    public void Keep_BeyondTheNumberOfSearches_DropsTheOldest()
    {
        var recent = Recent(TimeSpan.FromMinutes(1), maxSearches: 3);
        foreach (var prefix in new[] { "a", "b", "c", "d", "e" })
        {
            recent.Keep(prefix, Matches(prefix, 1), _time.GetUtcNow());
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, recent.Count);
        Assert.Null(recent.Find("a"));
        Assert.Null(recent.Find("b"));
        Assert.All(new[] { "c", "d", "e" }, p => Assert.NotNull(recent.Find(p)));
    }

    [Fact]
    public void Keep_BeyondTheCustomersHeld_DropsTheOldestUntilUnderTheBound()
    {
        var recent = Recent(TimeSpan.FromMinutes(1), maxMatches: 10);
        recent.Keep("a", Matches("a", 4), _time.GetUtcNow());
        recent.Keep("b", Matches("b", 4), _time.GetUtcNow());
        recent.Keep("c", Matches("c", 4), _time.GetUtcNow());

        Assert.Null(recent.Find("a"));
        Assert.NotNull(recent.Find("b"));
        Assert.NotNull(recent.Find("c"));
    }

    [Fact]
    public void Keep_ASearchHeavierThanTheWholeBound_IsNotKept_AndPushesNothingOut()
    {
        var recent = Recent(TimeSpan.FromMinutes(1), maxMatches: 10);
        recent.Keep("b", Matches("b", 4), _time.GetUtcNow());

        recent.Keep("a", Matches("a", 11), _time.GetUtcNow());

        Assert.Null(recent.Find("a"));
        Assert.NotNull(recent.Find("b"));
    }

    [Fact]
    public void Keep_SearchesThatMatchedNothing_AreBoundedToo()
    {
        var recent = Recent(TimeSpan.FromMinutes(1), maxSearches: 1_000, maxMatches: 5);
        foreach (var prefix in Enumerable.Range(0, 20).Select(i => $"none{i}"))
        {
            recent.Keep(prefix, [], _time.GetUtcNow());
        }

        Assert.Equal(5, recent.Count);
        Assert.Empty(recent.Find("none19")!);
    }

    [Fact]
    public void Keep_WithAZeroLifetime_KeepsNothing()
    {
        var recent = Recent(TimeSpan.Zero);
        recent.Keep("contoso", Matches("contoso", 1), _time.GetUtcNow());

        Assert.Null(recent.Find("contoso"));
        Assert.Equal(0, recent.Count);
    }

    [Fact]
    public void Find_ASearchDatedAfterNow_IsNotServed()
    {
        var recent = Recent(TimeSpan.FromMinutes(1));
        recent.Keep("contoso", Matches("contoso", 1), Now.AddMinutes(10));

        Assert.Null(recent.Find("contoso"));
    }

    private RecentCustomerSearches Recent(
        TimeSpan lifetime, int maxSearches = RecentCustomerSearches.MaxSearches, int maxMatches = RecentCustomerSearches.MaxMatches) =>
        new(Options.Create(new MigrationOptions { CustomerReadLifetime = lifetime }), _time, maxSearches, maxMatches);

    private static List<CustomerMatch> Matches(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new CustomerMatch($"{prefix}-{i}", $"{prefix} {i}", $"{prefix}{i}.example"))];
}
