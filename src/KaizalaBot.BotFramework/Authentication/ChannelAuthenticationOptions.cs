using System.ComponentModel.DataAnnotations;

namespace KaizalaBot.BotFramework.Authentication;

/// <summary>
/// Overridable inbound-authentication settings, section <c>BotFramework</c>. The metadata URLs exist as settings so
/// that sovereign clouds and tests can point elsewhere; production keeps the defaults.
/// </summary>
public sealed class ChannelAuthenticationOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>Bot Connector OpenID metadata (reference §2.3); its JWKS carries the <c>endorsements</c>.</summary>
    [Required(ErrorMessage = "BotFramework:ChannelOpenIdMetadataUrl is required.")]
    [Url(ErrorMessage = "BotFramework:ChannelOpenIdMetadataUrl must be an absolute URL.")]
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Entra v2.0 metadata used for Emulator and tenant-issued tokens (reference §2.4–2.5).</summary>
    [Required(ErrorMessage = "BotFramework:EntraOpenIdMetadataUrl is required.")]
    [Url(ErrorMessage = "BotFramework:EntraOpenIdMetadataUrl must be an absolute URL.")]
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>bot-docs: refresh the keys at least every 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00", ErrorMessage = "BotFramework:MetadataRefreshInterval must be between 00:05:00 and 1.00:00:00.")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Minimum time between two forced refreshes triggered by an unknown <c>kid</c>, so a stream of forged tokens
    /// cannot turn into a stream of metadata downloads.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "BotFramework:MetadataForcedRefreshInterval must be between 00:00:05 and 01:00:00.")]
    public TimeSpan MetadataForcedRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
