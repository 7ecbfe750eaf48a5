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

    /// <summary>Per-attempt HTTP timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "BotFramework:RequestTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal IReadOnlyList<string> EffectiveAllowedServiceHosts =>
        AllowedServiceHosts is { Count: > 0 } configured ? [.. configured] : DefaultAllowedServiceHosts;

    /// <summary>The one rule for serviceUrls, shared by the connector and the inbound endpoint.</summary>
    internal ServiceUrlPolicy CreateServiceUrlPolicy(MicrosoftAppOptions app) =>
        new(EffectiveAllowedServiceHosts, AllowLoopbackServiceUrls, hasCredentials: !app.IsAuthenticationDisabled);
}
