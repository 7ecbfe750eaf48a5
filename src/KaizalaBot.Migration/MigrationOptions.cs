using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Migration;

/// <summary>The <c>Migration</c> configuration section.</summary>
public sealed record MigrationOptions
{
    public const string SectionName = "Migration";

    public KaizalaProOptions KaizalaPro { get; init; } = new();

    /// <summary>Changes to the default plan catalogue (ids, seat limits, disabled plans).</summary>
    public IReadOnlyList<PlanOverrideOptions> Plans { get; init; } = [];

    /// <summary>Catalogue country when the Kaizala subscription's links name none (ISO 3166 alpha-2).</summary>
    public string DefaultCountry { get; init; } = "US";

    /// <summary>Share of a tenant's licensed users on frontline plans above which F3 is recommended.</summary>
    public double FrontlineShareThreshold { get; init; } = 0.5;

    /// <summary>Prefix of the friendly name put on the purchased subscription; the migration id follows it.</summary>
    public string FriendlyNamePrefix { get; init; } = "Kaizala migration";

    /// <summary>How long a user listing is reused (by the preview) before users are read again; its age is shown.</summary>
    public TimeSpan UserListingLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long the subscriptions and subscribed SKUs read when a seller chose a customer are reused by the plan card, and
    /// a customer search's answer by the same search, in this process (zero: both are read again). Choosing a customer
    /// reads it again; the review's checks always read fresh.
    /// </summary>
    public TimeSpan CustomerReadLifetime { get; init; } = TimeSpan.FromMinutes(1);

    public MigrationAuthorizationOptions Authorization { get; init; } = new();

    public MigrationApprovalOptions Approval { get; init; } = new();

    public MigrationRunnerOptions Runner { get; init; } = new();
}
