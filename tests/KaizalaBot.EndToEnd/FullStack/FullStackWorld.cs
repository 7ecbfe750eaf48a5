using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Blobs;
using KaizalaBot.Testing.Azurite;
using KaizalaBot.Testing.Processes;

namespace KaizalaBot.EndToEnd.FullStack;

/// <summary>
/// Everything on real processes, as a partner would run it on one machine: Azurite (the bot's Blob storage), the
/// standalone Partner Center simulator, the bot built and started with <c>dotnet KaizalaBot.dll</c> (Development, so
/// that it takes the Playground's unauthenticated loopback traffic and offers the reminder trigger), the Agents
/// Playground started by the test itself — not by the bot's launcher, which ties the Playground's life to the bot's and
/// would take it down with the bot this test kills — and headless Chromium at the Playground. Logs and screenshots
/// go to <see cref="Artifacts"/>.
/// </summary>
internal sealed class FullStackWorld : IAsyncDisposable
{
    // Microsoft.Hosting.Lifetime's line once Kestrel listens and every hosted service has started.
    private const string AspNetCoreStarted = "Application started.";

    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private static readonly string Binaries = AppContext.BaseDirectory;

    private readonly AzuriteFixture _azurite = new();
    private readonly Dictionary<string, string> _simulatorSettings;
    private readonly Dictionary<string, string> _botSettings;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ServiceProcess? _simulator;
    private ServiceProcess? _bot;
    private ServiceProcess? _playground;

    private FullStackWorld(string artifacts, IReadOnlyDictionary<string, string> simulatorSettings, IReadOnlyDictionary<string, string> botSettings)
    {
        Artifacts = artifacts;
        var botPort = FreePorts.Next();
        BotUrl = new Uri($"http://127.0.0.1:{botPort}/");
        SimulatorUrl = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        PlaygroundUrl = new Uri($"http://localhost:{FreePorts.Next()}/");
        _simulatorSettings = new(simulatorSettings);
        _botSettings = new(botSettings);
    }

    /// <summary>Logs and screenshots of the run, under the test's output (<c>artifacts/full-stack</c>).</summary>
    public string Artifacts { get; }

    public Uri BotUrl { get; }

    public Uri SimulatorUrl { get; }

    public Uri PlaygroundUrl { get; }

    public PlaygroundBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// Starts every process. <paramref name="simulatorSettings"/> are <c>PartnerCenterSimulator:*</c> keys (without the
    /// prefix); <paramref name="botSettings"/> are the bot's configuration keys, over the ones this world must set.
    /// </summary>
    public static async Task<FullStackWorld> StartAsync(
        IReadOnlyDictionary<string, string> simulatorSettings, IReadOnlyDictionary<string, string> botSettings, CancellationToken cancellationToken)
    {
        var artifacts = Path.Combine(Binaries, "artifacts", "full-stack");
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        Directory.CreateDirectory(artifacts);
        var world = new FullStackWorld(artifacts, simulatorSettings, botSettings);
        try
        {
            var chromium = await ChromiumInstaller.EnsureAsync(cancellationToken);
            await world._azurite.InitializeAsync();
            await world.StartSimulatorAsync(cancellationToken);
            await world.StartBotAsync(cancellationToken);
            await world.StartPlaygroundAsync(cancellationToken);
            world.Browser = await PlaygroundBrowser.OpenAsync(world.PlaygroundUrl, artifacts, chromium, cancellationToken);
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the bot process on its fixed port (the Playground keeps pointing at it across restarts).</summary>
    public async Task StartBotAsync(CancellationToken cancellationToken)
    {
        if (_bot is not null)
        {
            throw new InvalidOperationException("The bot is running already; kill it first.");
        }

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__Provider"] = "AzureBlob",
            ["Storage__AzureBlob__ConnectionString"] = _azurite.ConnectionString,
            ["PartnerCenter__Endpoint"] = SimulatorUrl.ToString().TrimEnd('/'),
            ["PartnerCenter__Authority"] = SimulatorUrl.ToString().TrimEnd('/'),

            // This test starts the Playground itself (see the class summary).
            ["Playground__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Polly"] = "Warning",
        };
        foreach (var (key, value) in _botSettings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _bot = ServiceProcess.Start(
            "the bot", "dotnet", Binaries, environment, Path.Combine(Artifacts, "bot.log"), AspNetCoreStarted,
            Path.Combine(Binaries, "KaizalaBot.dll"), "--urls", BotUrl.ToString().TrimEnd('/'), "--contentRoot", Binaries);
        await _bot.WaitUntilReadyAsync(StartLimit, cancellationToken);
    }

    /// <summary>SIGKILL of the bot: no shutdown code runs, its leases stay taken until they lapse.</summary>
    public async Task KillBotAsync()
    {
        if (_bot is { } bot)
        {
            await bot.DisposeAsync();
            _bot = null;
        }
    }

    /// <summary>The Development-only trigger of a reminder scan, as the README documents it.</summary>
    public async Task TriggerReminderScanAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(new Uri(BotUrl, "_dev/reminders/scan"), content: null, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Replaces the simulator's fault settings (<c>PUT /_simulator/faults</c>).</summary>
    public async Task SetFaultsAsync(object faults, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync(new Uri(SimulatorUrl, "_simulator/faults"), faults, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The simulator's whole world (<c>GET /_simulator/state</c>).</summary>
    public async Task<JsonObject> SimulatorStateAsync(CancellationToken cancellationToken) =>
        (await _http.GetFromJsonAsync<JsonObject>(new Uri(SimulatorUrl, "_simulator/state"), cancellationToken))!;

    /// <summary>One customer and its whole tenant (<c>GET /_simulator/customers/{id}</c>).</summary>
    public async Task<JsonObject> CustomerAsync(string customerId, CancellationToken cancellationToken) =>
        (await _http.GetFromJsonAsync<JsonObject>(new Uri(SimulatorUrl, $"_simulator/customers/{customerId}"), cancellationToken))!;

    /// <summary>
    /// The operations of a migration's audit trail, in order, read straight from the bot's Blob container (keys are
    /// escaped there: <c>audit/{id}/</c> is <c>audit_2f{id}_2f</c>).
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> AuditAsync(string migrationId, CancellationToken cancellationToken)
    {
        var container = BlobClientFactory.CreateContainerClient(new AzureBlobStorageOptions { ConnectionString = _azurite.ConnectionString });
        var entries = new List<JsonObject>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"audit_2f{migrationId}_2f", cancellationToken))
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            entries.Add(JsonNode.Parse(content.Value.Content.ToString())!.AsObject());
        }

        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        foreach (var process in new[] { _playground, _bot, _simulator })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        await _azurite.DisposeAsync();
        _http.Dispose();
    }

    private async Task StartSimulatorAsync(CancellationToken cancellationToken)
    {
        var arguments = new List<string> { Path.Combine(Binaries, "KaizalaBot.PartnerCenter.Simulator.dll"), "--urls", SimulatorUrl.ToString().TrimEnd('/') };
        arguments.AddRange(_simulatorSettings.Select(s => $"--PartnerCenterSimulator:{s.Key}={s.Value}"));
        _simulator = ServiceProcess.Start(
            "the Partner Center simulator", "dotnet", Binaries, new Dictionary<string, string>(), Path.Combine(Artifacts, "simulator.log"), AspNetCoreStarted, [.. arguments]);
        await _simulator.WaitUntilReadyAsync(StartLimit, cancellationToken);
    }

    private async Task StartPlaygroundAsync(CancellationToken cancellationToken)
    {
        // The very package and version `dotnet run` starts (src/KaizalaBot/Playground, pinned by its lock file).
        var directory = await NodeTool.EnsureInstalledAsync(Path.Combine("..", "..", "src", "KaizalaBot", "Playground"), cancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["TEAMSAPPTESTER_BROWSER"] = "none",
            ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(Artifacts, "playground-cli.log"),
        };
        _playground = ServiceProcess.Start(
            "the Agents Playground", "node", directory, environment, Path.Combine(Artifacts, "playground.log"), "Listening on ",
            Path.Combine(directory, "node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
            "--app-endpoint", new Uri(BotUrl, "api/messages").ToString(), "--channel-id", "msteams",
            "--port", PlaygroundUrl.Port.ToString(CultureInfo.InvariantCulture), "--disable-telemetry");
        await _playground.WaitUntilReadyAsync(StartLimit, cancellationToken);
    }
}
