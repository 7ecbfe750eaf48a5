using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

/// <summary>
/// The simulator as the bot host mounts it: real Kestrel on 127.0.0.1:0, under the <c>/_pcsim</c> prefix, with a
/// manual clock. Tests talk to it over real HTTP only.
/// </summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    public const string Prefix = "/_pcsim";
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, ManualTimeProvider time, Uri root)
    {
        _app = app;
        Time = time;
        Root = root;
        Client = new HttpClient { BaseAddress = root };
    }

    public ManualTimeProvider Time { get; }

    /// <summary>The simulator root (ends with <c>/_pcsim/</c>): both the Partner Center endpoint and the authority.</summary>
    public Uri Root { get; }

    public HttpClient Client { get; }

    public static async Task<SimulatorHost> StartAsync(
        IDictionary<string, string?>? settings = null, ManualTimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var values = new Dictionary<string, string?>
        {
            ["PartnerCenterSimulator:ProvisioningDelay"] = "00:05:00",
            ["PartnerCenterSimulator:StateFilePath"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        var clock = time ?? new ManualTimeProvider(Start);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddPartnerCenterSimulator(builder.Configuration.GetSection("PartnerCenterSimulator"));
        var app = builder.Build();
        app.MapPartnerCenterSimulator(Prefix);
        try
        {
            await app.StartAsync();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SimulatorHost(app, clock, new Uri(address.TrimEnd('/') + Prefix + "/"));
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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
