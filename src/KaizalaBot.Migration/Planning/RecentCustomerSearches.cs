using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Planning;

/// <summary>
/// The customers a company name or domain prefix matched, in this process, served for
/// <c>Migration:CustomerReadLifetime</c> (a minute by default; zero keeps nothing), by prefix without regard to case (as
/// Partner Center's <c>starts_with</c> compares).
/// </summary>
/// <remarks>
/// The customer card searches each time it is shown: a page turned, a click that was not the card's, a customer without
/// Kaizala Pro chosen, a second seller looking for the same customer; each was two app-only calls for the answer of a
/// few seconds before. What may be a minute old here is which customers exist and their names: a customer created or
/// renamed within the minute shows on the next search after it. Nothing is decided from it: choosing a customer reads
/// its subscriptions from Partner Center, the review reads them again, and a migration checks everything before it
/// buys. A failed search keeps nothing. Bounded by <see cref="MaxSearches"/> and by <see cref="MaxMatches"/> customers
/// in all (a one-letter prefix can match thousands).
/// </remarks>
public sealed class RecentCustomerSearches
{
    /// <summary>Searches kept at once.</summary>
    public const int MaxSearches = 1_000;

    /// <summary>Customers kept at once over every search (a match is an id, a name and a domain: about 200 bytes).</summary>
    public const int MaxMatches = 50_000;

    private readonly RecentAnswers<IReadOnlyList<CustomerMatch>> _searches;

    public RecentCustomerSearches(IOptions<MigrationOptions> options, TimeProvider time)
        : this(options, time, MaxSearches, MaxMatches)
    {
    }

    /// <summary>With other bounds than <see cref="MaxSearches"/> and <see cref="MaxMatches"/>, so that tests can reach them.</summary>
    internal RecentCustomerSearches(IOptions<MigrationOptions> options, TimeProvider time, int maxSearches, int maxMatches)
    {
        ArgumentNullException.ThrowIfNull(options);
        _searches = new RecentAnswers<IReadOnlyList<CustomerMatch>>(
            time, options.Value.CustomerReadLifetime, maxSearches, maxMatches, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>How many searches are kept (for tests of the bounds).</summary>
    internal int Count => _searches.Count;

    /// <summary>Keeps what <paramref name="prefix"/> matched when it was read at <paramref name="readAt"/>.</summary>
    public void Keep(string prefix, IReadOnlyList<CustomerMatch> matches, DateTimeOffset readAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentNullException.ThrowIfNull(matches);

        // A search that matched nothing still weighs one, so that the count of searches bounds it too.
        _searches.Keep(prefix.Trim(), matches, readAt, Math.Max(1, matches.Count));
    }

    /// <summary>What <paramref name="prefix"/> matched if that search is younger than the lifetime, else null.</summary>
    public IReadOnlyList<CustomerMatch>? Find(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return _searches.Find(prefix.Trim());
    }
}
