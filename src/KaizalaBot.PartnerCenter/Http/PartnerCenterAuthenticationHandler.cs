using System.Net;
using KaizalaBot.PartnerCenter.Authentication;

namespace KaizalaBot.PartnerCenter.Http;

// Sits inside the resilience handler, so every attempt (a retry after a long Retry-After included) carries a
// token that is valid now. A 401 means the token Partner Center saw is no longer good to it (revoked, or expired
// early by its clock): the cached token is dropped and the request is sent once more with a fresh one. A second 401
// is the caller's answer (wrong consent, wrong tenant): retrying further would only hammer the token endpoint.
internal sealed class PartnerCenterAuthenticationHandler(PartnerCenterTokenProvider tokens) : DelegatingHandler
{
    // Which token an operation needs (reference §1.2): set by the client on each request.
    internal static readonly HttpRequestOptionsKey<PartnerCenterTokenKind> TokenKindKey = new("KaizalaBot.PartnerCenter.TokenKind");

    private const string AuthorizationHeader = "Authorization";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TokenKindKey, out var kind))
        {
            throw new InvalidOperationException("A Partner Center request must say which token it needs.");
        }

        var response = await SendWithTokenAsync(request, kind, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The client's request bodies are buffered content, so the same message can go out again.
        response.Dispose();
        var retried = await SendWithTokenAsync(request, kind, cancellationToken);
        return retried;
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, PartnerCenterTokenKind kind, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(kind, cancellationToken);

        // The value as the token endpoint gave it, unparsed: a parsed header would be formatted again on every send.
        // Any earlier attempt's header goes first.
        request.Headers.Authorization = null;
        request.Headers.TryAddWithoutValidation(AuthorizationHeader, token.BearerHeader);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate(kind, token.AccessToken);
        }

        return response;
    }
}
