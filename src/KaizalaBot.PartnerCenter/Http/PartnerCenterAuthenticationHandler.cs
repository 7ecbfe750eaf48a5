using System.Net;
using System.Net.Http.Headers;
using KaizalaBot.PartnerCenter.Authentication;

namespace KaizalaBot.PartnerCenter.Http;

// Sits inside the resilience handler, so every attempt (a retry after a long Retry-After included) carries a
// token that is valid now; a 401 drops the cached token so the next call fetches a fresh one.
internal sealed class PartnerCenterAuthenticationHandler(PartnerCenterTokenProvider tokens) : DelegatingHandler
{
    // Which token an operation needs (reference §1.2): set by the client on each request.
    internal static readonly HttpRequestOptionsKey<PartnerCenterTokenKind> TokenKindKey = new("KaizalaBot.PartnerCenter.TokenKind");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TokenKindKey, out var kind))
        {
            throw new InvalidOperationException("A Partner Center request must say which token it needs.");
        }

        var accessToken = await tokens.GetAccessTokenAsync(kind, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate(kind, accessToken);
        }

        return response;
    }
}
