using KaizalaBot.PartnerCenter.Simulator.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter.Simulator;

/// <summary>
/// The simulator on its own Kestrel listener at 127.0.0.1 on an OS-chosen port, for tests of other projects (the
/// Partner Center client's contract tests, the bot's end-to-end tests) that want real HTTP without a fixed port.
/// Point the client's <c>Endpoint</c> and <c>Authority</c> at <see cref="Root"/>.
/// </summary>
public sealed class PartnerCenterSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PartnerCenterSimulatorServer(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>The simulator root, ending with <c>/</c> (the mount prefix included).</summary>
    public Uri Root { get; }

    /// <param name="settings">Keys of the <c>PartnerCenterSimulator</c> section without the prefix, e.g. <c>ProvisioningDelay</c>.</param>
    /// <param name="timeProvider">The clock the simulator lives by; a test passes its manual clock.</param>
    /// <param name="prefix">Mount prefix, "" for the root or e.g. "/_pcsim" as the bot host uses.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<PartnerCenterSimulatorServer> StartAsync(
        IReadOnlyDictionary<string, string?> settings, TimeProvider timeProvider, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(prefix);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // Only the given settings: the calling test's appsettings.json or environment must not reach the simulator.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(
            settings.Select(s => new KeyValuePair<string, string?>($"{PartnerCenterSimulatorOptions.SectionName}:{s.Key}", s.Value)));
        builder.Services.AddSingleton(timeProvider);
        builder.Services.AddPartnerCenterSimulator(builder.Configuration.GetSection(PartnerCenterSimulatorOptions.SectionName));
        var app = builder.Build();
        app.MapPartnerCenterSimulator(prefix);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException)
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PartnerCenterSimulatorServer(app, new Uri(address.TrimEnd('/') + prefix.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
