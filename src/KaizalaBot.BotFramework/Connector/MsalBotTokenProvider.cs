using KaizalaBot.BotFramework.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// Outbound tokens through MSAL, as the Bot Framework SDK gets them: client credentials against the
/// <c>botframework.com</c> authority (MultiTenant) or the bot's tenant (SingleTenant), or a user-assigned managed
/// identity. MSAL's in-memory token cache does the caching, so this is a singleton.
/// </summary>
internal sealed partial class MsalBotTokenProvider : IBotTokenProvider
{
    internal const string Scope = "https://api.botframework.com/.default";
    internal const string ManagedIdentityResource = "https://api.botframework.com";
    private const string AuthorityHost = "https://login.microsoftonline.com/";

    private readonly IConfidentialClientApplication? _confidentialClient;
    private readonly IManagedIdentityApplication? _managedIdentity;
    private readonly ILogger<MsalBotTokenProvider> _logger;

    public MsalBotTokenProvider(IOptions<MicrosoftAppOptions> options, ILogger<MsalBotTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var app = options.Value;
        if (app.IsAuthenticationDisabled)
        {
            return;
        }

        if (app.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI)
        {
            _managedIdentity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(app.MicrosoftAppId))
                .Build();
            return;
        }

        var authorityTenant = app.MicrosoftAppType == MicrosoftAppType.SingleTenant ? app.MicrosoftAppTenantId : "botframework.com";
        _confidentialClient = ConfidentialClientApplicationBuilder
            .Create(app.MicrosoftAppId)
            .WithAuthority(AuthorityHost + authorityTenant, validateAuthority: true)
            .WithClientSecret(app.MicrosoftAppPassword)
            .Build();
    }

    internal string? Authority => _confidentialClient?.Authority;

    internal bool UsesManagedIdentity => _managedIdentity is not null;

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            if (_managedIdentity is not null)
            {
                var msi = await _managedIdentity.AcquireTokenForManagedIdentity(ManagedIdentityResource)
                    .WithForceRefresh(forceRefresh)
                    .ExecuteAsync(cancellationToken)
                    .ConfigureAwait(false);
                return msi.AccessToken;
            }

            if (_confidentialClient is null)
            {
                return null;
            }

            var result = await _confidentialClient.AcquireTokenForClient([Scope])
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            LogTokenFailed(_logger, ex.ErrorCode);
            throw new ConnectorException("The bot could not obtain a Bot Connector token.", ex) { ErrorCode = ex.ErrorCode };
        }
    }

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Error, Message = "Acquiring the Bot Connector token failed: MSAL error {MsalErrorCode}")]
    private static partial void LogTokenFailed(ILogger logger, string msalErrorCode);
}
