using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KaizalaBot.BotFramework.Authentication;

/// <summary>
/// One metadata document (and its JWKS) cached by Microsoft.IdentityModel's ConfigurationManager, refreshed
/// automatically at the configured interval and, at most once per <c>forcedRefreshInterval</c>, on demand when a token
/// names a key the cache does not know (keys roll over; bot-docs recommend a refresh rather than a failure).
/// </summary>
internal sealed class OpenIdMetadataCache
{
    // Generous: the fetch itself is bounded by the metadata HttpClient's own timeout.
    private static readonly TimeSpan ForcedRefreshWait = TimeSpan.FromSeconds(30);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly NotifyingConfigurationRetriever _retriever = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _forcedRefreshInterval;
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastForcedRefresh;

    public OpenIdMetadataCache(
        string metadataUrl,
        HttpClient httpClient,
        TimeSpan automaticRefreshInterval,
        TimeSpan forcedRefreshInterval,
        TimeProvider timeProvider)
    {
        var uri = new Uri(metadataUrl, UriKind.Absolute);
        MetadataUrl = metadataUrl;

        // HTTPS is required except on loopback, where only tests and local tools serve metadata.
        var documents = new HttpDocumentRetriever(httpClient) { RequireHttps = !uri.IsLoopback };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, _retriever, documents)
        {
            AutomaticRefreshInterval = automaticRefreshInterval,

            // Our own guard below enforces the interval between forced refreshes with the injected clock.
            RefreshInterval = BaseConfigurationManager.MinimumRefreshInterval,
        };
        _forcedRefreshInterval = forcedRefreshInterval;
        _timeProvider = timeProvider;
    }

    public string MetadataUrl { get; }

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) =>
        _manager.GetConfigurationAsync(cancellationToken);

    /// <summary>Returns freshly downloaded metadata, or null when a forced refresh happened too recently.</summary>
    public async Task<OpenIdConnectConfiguration?> ForceRefreshAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_lastForcedRefresh is { } last && now - last < _forcedRefreshInterval)
            {
                return null;
            }

            _lastForcedRefresh = now;
        }

        var next = _retriever.NextRetrieval;
        _manager.RequestRefresh();
        await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        return await next.WaitAsync(ForcedRefreshWait, _timeProvider, cancellationToken).ConfigureAwait(false);
    }
}
