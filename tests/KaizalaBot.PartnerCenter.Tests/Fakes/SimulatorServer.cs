using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Authentication;
using KaizalaBot.PartnerCenter.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.PartnerCenter.Tests.Fakes;

// The Partner Center simulator on real Kestrel (127.0.0.1, OS-chosen port) under the prefix the bot host uses,
// sharing one virtual clock with the client built by the real AddPartnerCenterClient registration.
internal sealed class SimulatorServer : IAsyncDisposable
{
    public const string Prefix = "/_pcsim";

    private readonly WebApplication _app;
    private readonly ServiceProvider _clientServices;

    private SimulatorServer(
        WebApplication app, Uri root, AutoAdvancingTimeProvider clock, IDictionary<string, string?>? clientSettings,
        Action<IServiceCollection>? configureClient)
    {
        _app = app;
        Root = root;
        Clock = clock;
        Inspection = new HttpClient { BaseAddress = root };

        var settings = new Dictionary<string, string?>
        {
            ["PartnerCenter:Endpoint"] = root.ToString(),
            ["PartnerCenter:Authority"] = root.ToString(),
            ["PartnerCenter:PartnerTenantId"] = SimulatorDemoDirectory.PartnerTenantId,
            ["PartnerCenter:ApplicationId"] = SimulatorDemoDirectory.DemoClientId,
            ["PartnerCenter:ApplicationSecret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["PartnerCenter:RefreshToken"] = SimulatorDemoDirectory.DemoRefreshToken,

            // Longer than the clock's auto-fire limit: an attempt only times out if the simulator truly hangs.
            ["PartnerCenter:Retry:AttemptTimeout"] = "01:00:00",
        };
        foreach (var (key, value) in clientSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddPartnerCenterClient(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddHttpClient(PartnerCenterServiceCollectionExtensions.ApiHttpClientName)
            .AddHttpMessageHandler(() => new ResponseLoggingHandler(Responses));
        configureClient?.Invoke(services);
        _clientServices = services.BuildServiceProvider(validateScopes: true);
    }

    public Uri Root { get; }

    public AutoAdvancingTimeProvider Clock { get; }

    public HttpClient Inspection { get; }

    public ResponseLog Responses { get; } = new();

    public IPartnerCenterClient Client => _clientServices.GetRequiredService<IPartnerCenterClient>();

    public IRefreshTokenStore RefreshTokens => _clientServices.GetRequiredService<IRefreshTokenStore>();

    /// <summary>The client's container (its meter factory, for the telemetry tests).</summary>
    public IServiceProvider ClientServices => _clientServices;

    /// <param name="simulatorSettings">The simulator's <c>PartnerCenterSimulator</c> settings.</param>
    /// <param name="clientSettings">The client's <c>PartnerCenter</c> settings.</param>
    /// <param name="configureClient">Additions to the client's registrations (e.g. a handler that records what is sent).</param>
    public static async Task<SimulatorServer> StartAsync(
        IDictionary<string, string?>? simulatorSettings = null, IDictionary<string, string?>? clientSettings = null,
        Action<IServiceCollection>? configureClient = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var values = new Dictionary<string, string?> { ["PartnerCenterSimulator:StateFilePath"] = string.Empty };
        foreach (var (key, value) in simulatorSettings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        var clock = new AutoAdvancingTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(10));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddPartnerCenterSimulator(builder.Configuration.GetSection("PartnerCenterSimulator"));
        var app = builder.Build();
        app.MapPartnerCenterSimulator(Prefix);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SimulatorServer(app, new Uri(address.TrimEnd('/') + Prefix + "/"), clock, clientSettings, configureClient);
    }

    public async Task<JsonObject> StateAsync()
    {
        var state = await Inspection.GetFromJsonAsync<JsonObject>("_simulator/state");
        return state!;
    }

    public async Task SetFaultsAsync(JsonObject settings)
    {
        using var response = await Inspection.PutAsJsonAsync("_simulator/faults", settings);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT _simulator/faults answered {(int)response.StatusCode}: {text}");
    }

    public async ValueTask DisposeAsync()
    {
        Inspection.Dispose();
        await _clientServices.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
