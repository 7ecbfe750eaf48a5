using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class TokenEndpointHandlerTests
{
    private static Dictionary<string, string> RefreshForm(string refreshToken) => new()
    {
        ["grant_type"] = "refresh_token",
        ["client_id"] = SimulatorDemoDirectory.DemoClientId,
        ["client_secret"] = SimulatorDemoDirectory.DemoClientSecret,
        ["refresh_token"] = refreshToken,
        ["scope"] = "https://api.partnercenter.microsoft.com/user_impersonation",
    };

    private static JsonObject DecodePayload(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!.AsObject();
    }

    [Fact]
    public async Task RefreshToken_DemoConsentToken_ReturnsAppPlusUserTokenAndRotatedRefreshToken()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.RequestTokenAsync(RefreshForm(SimulatorDemoDirectory.DemoRefreshToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal("https://api.partnercenter.microsoft.com/user_impersonation", body["scope"]!.GetValue<string>());
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        Assert.Equal(3600, body["ext_expires_in"]!.GetValue<int>());
        var refresh = body["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(SimulatorDemoDirectory.DemoRefreshToken, refresh);
        var claims = DecodePayload(body["access_token"]!.GetValue<string>());
        Assert.Equal("user_impersonation", claims["scp"]!.GetValue<string>());
        Assert.Equal(SimulatorDemoDirectory.AdminAgentUpn, claims["upn"]!.GetValue<string>());
        Assert.Equal(SimulatorDemoDirectory.AdminAgentObjectId, claims["oid"]!.GetValue<string>());
        Assert.Equal("https://api.partnercenter.microsoft.com", claims["aud"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientCredentials_DefaultScope_ReturnsAppOnlyTokenWithRolesAndNoScp()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = SimulatorDemoDirectory.DemoClientId,
            ["client_secret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["scope"] = "https://api.partnercenter.microsoft.com/.default",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await SimulatorHost.ReadJsonAsync(response);
        Assert.Null(body["refresh_token"]);
        var claims = DecodePayload(body["access_token"]!.GetValue<string>());
        Assert.Null(claims["scp"]);
        Assert.NotNull(claims["roles"]);
    }

    [Fact]
    public async Task RefreshToken_RedeemedToken_IsNotRevoked()
    {
        await using var host = await SimulatorHost.StartAsync();
        using var first = await host.RequestTokenAsync(RefreshForm(SimulatorDemoDirectory.DemoRefreshToken));
        var firstRefresh = (await SimulatorHost.ReadJsonAsync(first))["refresh_token"]!.GetValue<string>();
        using var second = await host.RequestTokenAsync(RefreshForm(firstRefresh));
        var secondRefresh = (await SimulatorHost.ReadJsonAsync(second))["refresh_token"]!.GetValue<string>();
        host.Time.Advance(TimeSpan.FromDays(30));

        using var againWithRedeemed = await host.RequestTokenAsync(RefreshForm(firstRefresh));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(firstRefresh, secondRefresh);
        Assert.Equal(HttpStatusCode.OK, againWithRedeemed.StatusCode);
        Assert.False(string.IsNullOrEmpty((await SimulatorHost.ReadJsonAsync(againWithRedeemed))["refresh_token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RefreshToken_UnusedForNinetyDays_ReturnsInvalidGrant()
    {
        await using var host = await SimulatorHost.StartAsync();
        using var first = await host.RequestTokenAsync(RefreshForm(SimulatorDemoDirectory.DemoRefreshToken));
        var rotated = (await SimulatorHost.ReadJsonAsync(first))["refresh_token"]!.GetValue<string>();
        host.Time.Advance(TimeSpan.FromDays(89));
        using var stillUsed = await host.RequestTokenAsync(RefreshForm(rotated));
        host.Time.Advance(TimeSpan.FromDays(90) + TimeSpan.FromMinutes(1));

        using var expired = await host.RequestTokenAsync(RefreshForm(rotated));

        Assert.Equal(HttpStatusCode.OK, stillUsed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        var body = await SimulatorHost.ReadJsonAsync(expired);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
        Assert.StartsWith("AADSTS70000", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(70000, body["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task HandleAsync_WrongClientSecret_Returns401InvalidClient()
    {
        await using var host = await SimulatorHost.StartAsync();
        var form = RefreshForm(SimulatorDemoDirectory.DemoRefreshToken);
        form["client_secret"] = "wrong";

        using var response = await host.RequestTokenAsync(form);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
        Assert.Equal(7000215, body["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task HandleAsync_UnknownRefreshToken_ReturnsInvalidGrant()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.RequestTokenAsync(RefreshForm("not-a-token"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await SimulatorHost.ReadJsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientCredentials_UserImpersonationScope_ReturnsInvalidScope()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = SimulatorDemoDirectory.DemoClientId,
            ["client_secret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["scope"] = "https://api.partnercenter.microsoft.com/user_impersonation",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", (await SimulatorHost.ReadJsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_UnknownTenant_ReturnsInvalidRequestWithTenantNotFound()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.RequestTokenAsync(RefreshForm(SimulatorDemoDirectory.DemoRefreshToken), "11111111-1111-1111-1111-111111111111");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(90002, (await SimulatorHost.ReadJsonAsync(response))["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task HandleAsync_UnsupportedGrantType_ReturnsUnsupportedGrantType()
    {
        await using var host = await SimulatorHost.StartAsync();
        var form = RefreshForm(SimulatorDemoDirectory.DemoRefreshToken);
        form["grant_type"] = "password";

        using var response = await host.RequestTokenAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await SimulatorHost.ReadJsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_JsonInsteadOfForm_ReturnsInvalidRequest()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Client.PostAsync($"{SimulatorDemoDirectory.PartnerTenantId}/oauth2/v2.0/token",
            new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Equal(900144, body["error_codes"]![0]!.GetValue<int>());
    }
}
