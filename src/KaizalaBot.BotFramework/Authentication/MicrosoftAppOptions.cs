namespace KaizalaBot.BotFramework.Authentication;

/// <summary>
/// The bot's identity, bound from the configuration ROOT under the Bot Framework SDK's own key names so that an
/// Azure Bot's documented settings work unchanged. An empty <see cref="MicrosoftAppId"/> means local development:
/// inbound requests without a token are accepted and outbound calls carry no token.
/// </summary>
public sealed class MicrosoftAppOptions
{
    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.MultiTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    internal bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
