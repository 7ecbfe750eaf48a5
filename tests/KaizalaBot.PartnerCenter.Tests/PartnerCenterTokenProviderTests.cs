using System.Net;
using KaizalaBot.PartnerCenter.Authentication;
using KaizalaBot.PartnerCenter.Tests.Fakes;
using KaizalaBot.Testing;

namespace KaizalaBot.PartnerCenter.Tests;

public sealed class PartnerCenterTokenProviderTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task GetAccessTokenAsync_AppPlusUser_PostsRefreshTokenGrantToConfiguredAuthority()
    {
        using var host = new PartnerCenterTestHost();

        var token = await host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppPlusUser, None);

        Assert.Equal("user-token-1", token);
        var request = Assert.Single(host.Handler.TokenRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{PartnerCenterTestHost.Authority}/{PartnerCenterTestHost.TenantId}/oauth2/v2.0/token", request.Uri.ToString());
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("refresh_token", request.FormValue("grant_type"));
        Assert.Equal("initial-refresh", request.FormValue("refresh_token"));
        Assert.Equal("https://api.partnercenter.microsoft.com/user_impersonation", request.FormValue("scope"));
        Assert.Equal("app-id", request.FormValue("client_id"));
        Assert.Equal("app-secret", request.FormValue("client_secret"));
    }

    [Fact]
    public async Task GetAccessTokenAsync_AppOnly_PostsClientCredentialsForPartnerCenterDefaultScope()
    {
        using var host = new PartnerCenterTestHost();

        var token = await host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppOnly, None);

        Assert.Equal("app-token-1", token);
        var request = Assert.Single(host.Handler.TokenRequests);
        Assert.Equal("client_credentials", request.FormValue("grant_type"));
        Assert.Equal("https://api.partnercenter.microsoft.com/.default", request.FormValue("scope"));
        Assert.Null(request.FormValue("refresh_token"));
    }

    [Fact]
    public async Task GetAccessTokenAsync_AfterRefresh_KeepsRotatedRefreshTokenAndUsesItNextTime()
    {
        using var host = new PartnerCenterTestHost();
        await host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppPlusUser, None);

        host.Clock.Advance(TimeSpan.FromHours(1));
        var second = await host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppPlusUser, None);

        Assert.Equal("user-token-2", second);
        Assert.Equal("rotated-refresh-1", host.Handler.TokenRequests.Last().FormValue("refresh_token"));
        Assert.Equal("rotated-refresh-2", await host.RefreshTokens.GetAsync(None));
    }

    [Fact]
    public async Task GetAccessTokenAsync_BeforeRefreshMargin_ServesCachedToken()
    {
        using var host = new PartnerCenterTestHost();
        await host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppOnly, None);

        host.Clock.Advance(TimeSpan.FromMinutes(54));
        var cached = await host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppOnly, None);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var renewed = await host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppOnly, None);

        Assert.Equal("app-token-1", cached);
        Assert.Equal("app-token-2", renewed);
        Assert.Equal(2, host.Handler.TokenRequests.Count());
    }

    [Fact]
    public async Task GetAccessTokenAsync_ConcurrentCallers_RefreshOnce()
    {
        using var host = new PartnerCenterTestHost();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Handler.TokenGate = gate.Task;

        // Called directly, not through Task.Run: each call runs synchronously up to its first real wait, so by the end of
        // this loop every caller has found the cache empty and is waiting, either at the token endpoint (held by the
        // gate) or behind the refresh in progress. Without the single refresh, all of them are at the endpoint.
        var callers = Enumerable.Range(0, 8)
            .Select(_ => host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppPlusUser, None))
            .ToList();
        await host.Handler.WhenTokenRequests(1).WithinAsync("the first token request");
        Assert.All(callers, caller => Assert.False(caller.IsCompleted, "a caller got a token while the endpoint was held"));

        gate.SetResult();
        var tokens = await Task.WhenAll(callers).WithinAsync("the callers' tokens");

        Assert.Single(host.Handler.TokenRequests);
        Assert.All(tokens, token => Assert.Equal("user-token-1", token));
    }

    [Fact]
    public async Task GetAccessTokenAsync_EntraError_ThrowsClearExceptionAndKeepsRefreshToken()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.TokenResponder = _ => StubHttpMessageHandler.Json(
            HttpStatusCode.BadRequest,
            """{"error":"invalid_grant","error_description":"AADSTS70000: The refresh token has expired.\r\nTrace ID: 1\r\nCorrelation ID: 2","error_codes":[70000]}""",
            null);

        var error = await Assert.ThrowsAsync<PartnerException>(
            () => host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppPlusUser, None));

        Assert.Equal(PartnerErrorCategory.Unauthorized, error.ErrorCategory);
        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("AADSTS70000: The refresh token has expired.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Trace ID", error.Message, StringComparison.Ordinal);
        Assert.Equal("initial-refresh", await host.RefreshTokens.GetAsync(None));
    }

    [Fact]
    public async Task Invalidate_CurrentToken_NextCallFetchesAnother()
    {
        using var host = new PartnerCenterTestHost();
        var first = await host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppOnly, None);

        host.Tokens.Invalidate(PartnerCenterTokenKind.AppOnly, first);
        var second = await host.Tokens.GetAccessTokenAsync(PartnerCenterTokenKind.AppOnly, None);

        Assert.NotEqual(first, second);
    }
}
