using System.ComponentModel.DataAnnotations;
using KaizalaBot.BotFramework.Authentication;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>Outbound connector settings, section <c>BotFramework</c> (shared with the inbound authentication settings).</summary>
public sealed class BotConnectorOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>
    /// The Microsoft connector hosts of the public, GCC and GCC High clouds (reference §4, §4.4). A leading <c>*.</c>
    /// matches any sub-domain (not the bare domain).
    /// </summary>
    public static IReadOnlyList<string> DefaultAllowedServiceHosts { get; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "*.teams.microsoft.com",
    ];

    /// <summary>
    /// Replaces <see cref="DefaultAllowedServiceHosts"/> when set. Null by default because the configuration binder
    /// appends to a pre-filled list instead of replacing it.
    /// </summary>
    public IList<string>? AllowedServiceHosts { get; init; }

    /// <summary>
    /// Allows localhost/127.0.0.1/::1 service URLs (Emulator, Agents Playground). The host sets this from
    /// <c>IHostEnvironment.IsDevelopment()</c>; never true in production.
    /// </summary>
    public bool AllowLoopbackServiceUrls { get; set; }

    /// <summary>Retries after the first attempt for 412/429/502/503/504.</summary>
    [Range(1, 6, ErrorMessage = "BotFramework:MaxRetryAttempts must be between 1 and 6.")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off delay; it doubles per attempt, with jitter (Teams' sample: 2 s to 20 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "BotFramework:RetryBaseDelay must be between 00:00:00.100 and 00:01:00.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "BotFramework:RetryMaxDelay must be between 00:00:01 and 00:05:00.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Longest <c>Retry-After</c> honoured in-line; a longer one surfaces as <see cref="ConnectorException.RetryAfter"/>
    /// so a background sender can requeue instead of holding a turn.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "BotFramework:MaxRetryAfter must be between 00:00:01 and 00:10:00.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Per-attempt HTTP timeout (time spent waiting for a rate-limit permit does not count).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "BotFramework:RequestTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Teams' limits per bot per conversation for sends and conversation creation (reference §5.9).</summary>
    public static IReadOnlyList<RateLimitRule> DefaultConversationRateLimits { get; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    /// <summary>Teams' global limit per app per tenant (reference §5.9: 50 per second in the current documentation).</summary>
    public static IReadOnlyList<RateLimitRule> DefaultTenantRateLimits { get; } = [new(50, TimeSpan.FromSeconds(1))];

    /// <summary>Replaces <see cref="DefaultConversationRateLimits"/> when set (null by default, as for <see cref="AllowedServiceHosts"/>).</summary>
    public IList<RateLimitRule>? ConversationRateLimits { get; init; }

    /// <summary>Replaces <see cref="DefaultTenantRateLimits"/> when set; lower it when several bot instances share a tenant.</summary>
    public IList<RateLimitRule>? TenantRateLimits { get; init; }

    internal IReadOnlyList<RateLimitRule> EffectiveConversationRateLimits =>
        ConversationRateLimits is { Count: > 0 } configured ? [.. configured] : DefaultConversationRateLimits;

    internal IReadOnlyList<RateLimitRule> EffectiveTenantRateLimits =>
        TenantRateLimits is { Count: > 0 } configured ? [.. configured] : DefaultTenantRateLimits;

    internal IReadOnlyList<string> EffectiveAllowedServiceHosts =>
        AllowedServiceHosts is { Count: > 0 } configured ? [.. configured] : DefaultAllowedServiceHosts;

    /// <summary>The one rule for serviceUrls, shared by the connector and the inbound endpoint.</summary>
    internal ServiceUrlPolicy CreateServiceUrlPolicy(MicrosoftAppOptions app) =>
        new(EffectiveAllowedServiceHosts, AllowLoopbackServiceUrls, hasCredentials: !app.IsAuthenticationDisabled);
}
