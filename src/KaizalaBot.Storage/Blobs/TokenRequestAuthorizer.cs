using Azure.Core;

namespace KaizalaBot.Storage.Blobs;

/// <summary>Entra ID bearer tokens for the Blob service, cached until five minutes before they expire.</summary>
internal sealed class TokenRequestAuthorizer(TokenCredential credential, TimeProvider timeProvider) : IBlobRequestAuthorizer
{
    // https://learn.microsoft.com/rest/api/storageservices/authorize-with-azure-active-directory
    private static readonly string[] Scopes = ["https://storage.azure.com/.default"];
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private AccessToken? _token;

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
    }

    // Concurrent callers with an expired cache may each ask the credential; Azure.Identity credentials cache
    // tokens themselves, so that costs no extra token request.
    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_token is { } cached && cached.ExpiresOn - RefreshMargin > timeProvider.GetUtcNow())
            {
                return cached.Token;
            }
        }

        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
        lock (_lock)
        {
            _token = token;
        }

        return token.Token;
    }
}
