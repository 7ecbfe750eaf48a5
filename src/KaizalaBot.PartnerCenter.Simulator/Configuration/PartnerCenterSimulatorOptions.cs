using System.ComponentModel.DataAnnotations;

namespace KaizalaBot.PartnerCenter.Simulator.Configuration;

public sealed class PartnerCenterSimulatorOptions
{
    public const string SectionName = "PartnerCenterSimulator";

    /// <summary>Seed of the demo world and of fault injection: the same seed gives the same customers, users and faults.</summary>
    public int Seed { get; set; } = 20200701;

    [Range(1, 100_000, ErrorMessage = "PartnerCenterSimulator:CustomerCount must be between 1 and 100000.")]
    public int CustomerCount { get; set; } = 40;

    [Range(0, 100_000, ErrorMessage = "PartnerCenterSimulator:KaizalaCustomerCount must be between 0 and 100000.")]
    public int KaizalaCustomerCount { get; set; } = 25;

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00",
        ErrorMessage = "PartnerCenterSimulator:ProvisioningDelay must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan ProvisioningDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time a checkout spends between "cart taken" and "order created": a second checkout then gets 800064.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00",
        ErrorMessage = "PartnerCenterSimulator:CheckoutProcessingTime must be between 00:00:00 and 00:10:00.")]
    public TimeSpan CheckoutProcessingTime { get; set; } = TimeSpan.Zero;

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00",
        ErrorMessage = "PartnerCenterSimulator:CartLifetime must be between 00:01:00 and 30.00:00:00.")]
    public TimeSpan CartLifetime { get; set; } = TimeSpan.FromDays(7);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00",
        ErrorMessage = "PartnerCenterSimulator:AccessTokenLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A refresh token expires after this long without use (Entra: 90 days). Redeeming one returns a new one but does
    /// not revoke it, so a client that crashed before saving the rotated token keeps working with the old one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00",
        ErrorMessage = "PartnerCenterSimulator:RefreshTokenInactivityLifetime must be between 00:01:00 and 365.00:00:00.")]
    public TimeSpan RefreshTokenInactivityLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Share of subscription PATCHes answered 202 + Location instead of 200 (0 = never, 1 = always): the real service
    /// does so when the change "takes longer than expected" (update-a-subscription-by-id), so clients must handle both.
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "PartnerCenterSimulator:PatchAcceptedShare must be between 0 and 1.")]
    public double PatchAcceptedShare { get; set; }

    /// <summary>How long an accepted (202) PATCH takes to show on the subscription; another PATCH meanwhile gets 409/800082.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00",
        ErrorMessage = "PartnerCenterSimulator:PatchProcessingTime must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan PatchProcessingTime { get; set; } = TimeSpan.FromSeconds(20);

    [Range(1, 1000, ErrorMessage = "PartnerCenterSimulator:DefaultPageSize must be between 1 and 1000.")]
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>Optional JSON file holding the world, so a restarted host sees the same customers and purchases.</summary>
    public string? StateFilePath { get; set; }

    /// <summary>Optional base64 HMAC key (at least 32 bytes) signing access tokens; a random key per start otherwise.</summary>
    public string? SigningKey { get; set; }

    [Required(ErrorMessage = "PartnerCenterSimulator:Credentials is required.")]
    public SimulatorCredentialsOptions Credentials { get; set; } = new();

    /// <summary>Documented limit: 500 requests per minute per tenant id for customer, subscription and order resources.</summary>
    [Range(0, 1_000_000, ErrorMessage = "PartnerCenterSimulator:RequestsPerMinute must be between 0 (off) and 1000000.")]
    public int RequestsPerMinute { get; set; } = 500;

    /// <summary>Pairs of service-plan ids that Entra would reject together (MutuallyExclusiveViolation).</summary>
    public IList<ServicePlanConflictOptions> ServicePlanConflicts { get; } = [];
}
