using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Testing.Time;

namespace KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

/// <summary>
/// The simulator as the bot host mounts it (under <c>/_pcsim</c>), served by the public
/// <see cref="PartnerCenterSimulatorServer"/> on 127.0.0.1:0 with a manual clock. Tests talk to it over real HTTP only.
/// </summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    public const string Prefix = "/_pcsim";
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly PartnerCenterSimulatorServer _server;

    private SimulatorHost(PartnerCenterSimulatorServer server, TrackingFakeTimeProvider time)
    {
        _server = server;
        Time = time;
        Root = server.Root;
        Client = new HttpClient { BaseAddress = server.Root };
    }

    public TrackingFakeTimeProvider Time { get; }

    /// <summary>The simulator root (ends with <c>/_pcsim/</c>): both the Partner Center endpoint and the authority.</summary>
    public Uri Root { get; }

    public HttpClient Client { get; }

    /// <param name="settings">Full configuration keys, e.g. <c>PartnerCenterSimulator:Seed</c>.</param>
    public static async Task<SimulatorHost> StartAsync(
        IDictionary<string, string?>? settings = null, TrackingFakeTimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ProvisioningDelay"] = "00:05:00",
            ["StateFilePath"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key["PartnerCenterSimulator:".Length..]] = value;
        }

        var clock = time ?? new TrackingFakeTimeProvider(Start);
        var server = await PartnerCenterSimulatorServer.StartAsync(values, clock, Prefix, CancellationToken.None);
        return new SimulatorHost(server, clock);
    }

    public async Task<string> GetUserTokenAsync()
    {
        var response = await RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = SimulatorDemoDirectory.DemoClientId,
            ["client_secret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["refresh_token"] = SimulatorDemoDirectory.DemoRefreshToken,
            ["scope"] = "https://api.partnercenter.microsoft.com/user_impersonation offline_access",
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["access_token"]!.GetValue<string>();
    }

    public async Task<string> GetAppTokenAsync()
    {
        var response = await RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = SimulatorDemoDirectory.DemoClientId,
            ["client_secret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["scope"] = "https://api.partnercenter.microsoft.com/.default",
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["access_token"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> RequestTokenAsync(IDictionary<string, string> form, string tenant = SimulatorDemoDirectory.PartnerTenantId) =>
        Client.PostAsync($"{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(form));

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? token, JsonNode? body = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }

    public async Task<JsonObject> GetJsonAsync(string path, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}
