namespace KaizalaBot.PartnerCenter;

public sealed class PartnerCenterOptions
{
    public const string SectionName = "PartnerCenter";

    public Uri? Endpoint { get; set; } = new("https://api.partnercenter.microsoft.com");

    public Uri? Authority { get; set; } = new("https://login.microsoftonline.com");

    public string? PartnerTenantId { get; set; }

    public string? ApplicationId { get; set; }

    public string? ApplicationSecret { get; set; }

    // Secure Application Model refresh token; the rotated one is kept by IRefreshTokenStore.
    public string? RefreshToken { get; set; }

    public string Locale { get; set; } = "en-US";

    // Tokens are renewed this long before they expire so a request never leaves with a dying token.
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    public PartnerCenterRetryOptions Retry { get; set; } = new();

    public PartnerCenterPollingOptions Polling { get; set; } = new();
}
