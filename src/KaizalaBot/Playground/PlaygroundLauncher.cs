using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using KaizalaBot.Tooling;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Playground;

/// <summary>
/// Starts the Agents Playground once the bot listens, pointed at its <c>/api/messages</c>, installing the pinned npm
/// package on first use and whenever its lock file changed (<see cref="NpmToolFolder"/>), and stops it with the bot.
/// "Agents Playground started" is logged once the Playground listens, with the URL to open: the signal that it is ready.
/// </summary>
internal sealed partial class PlaygroundLauncher(
    IOptions<PlaygroundOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<PlaygroundLauncher> logger) : BackgroundService
{
    private const string CliRelativePath = "node_modules/@microsoft/m365agentsplayground/cli.js";
    private const string ListeningPrefix = "Listening on ";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        var botEndpoint = BotEndpoint();
        if (botEndpoint is null)
        {
            LogNoAddress();
            return;
        }

        var directory = Path.GetFullPath(settings.InstallDirectory, environment.ContentRootPath);
        try
        {
            var cli = await EnsureInstalledAsync(settings, directory, stoppingToken);
            await RunAsync(settings, cli, botEndpoint, stoppingToken);
        }
        catch (Exception ex) when (ex is Win32Exception or NpmToolException { InnerException: Win32Exception })
        {
            // Node.js is the one prerequisite besides the .NET SDK; say so plainly instead of a stack trace.
            LogNodeMissing(ex, settings.NodeExecutable, settings.NpmExecutable);
        }
        catch (Exception ex) when (ex is PlaygroundException or NpmToolException)
        {
            LogPlaygroundFailed(ex.Message);
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private Uri? BotEndpoint()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)))
            .OrderBy(a => a.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault();
        return address is null ? null : new Uri(address, "/api/messages");
    }

    private async Task<string> EnsureInstalledAsync(PlaygroundOptions settings, string directory, CancellationToken cancellationToken)
    {
        var tools = new NpmToolFolder(directory, time, logger) { NodeExecutable = settings.NodeExecutable, NpmExecutable = settings.NpmExecutable };
        await tools.EnsureInstalledAsync(cancellationToken);
        var cli = Path.Combine(directory, CliRelativePath);
        return File.Exists(cli)
            ? cli
            : throw new PlaygroundException($"npm ci in {directory} did not install {CliRelativePath}: check its package.json.");
    }

    private async Task RunAsync(PlaygroundOptions settings, string cli, Uri botEndpoint, CancellationToken stoppingToken)
    {
        var start = new ProcessStartInfo(settings.NodeExecutable)
        {
            ArgumentList =
            {
                cli, "--app-endpoint", botEndpoint.ToString(), "--channel-id", "msteams",
                "--port", settings.Port.ToString(CultureInfo.InvariantCulture), "--disable-telemetry",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,

            // The Playground CLI quits when its standard input reaches end of file; an open pipe keeps it running
            // however the bot itself was started (terminal, service, background job).
            RedirectStandardInput = true,
            Environment =
            {
                // Otherwise it launches a desktop browser and exits with code 1 where there is none (servers, CI,
                // containers); the URL is in the bot's log instead.
                ["TEAMSAPPTESTER_BROWSER"] = "none",

                // Its log defaults to ./devTools under the working directory; keep it with the bot's local state.
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(environment.ContentRootPath, ".kaizalabot", "playground.log"),
            },
        };
        using var playground = Process.Start(start) ?? throw new PlaygroundException("node could not be started.");
        var announced = 0;
        playground.OutputDataReceived += (_, e) =>
        {
            LogOutput(e.Data);

            // Only once it listens is the URL worth giving, and with the port it took: when the configured one is in
            // use, the Playground picks any free port instead.
            if (ListeningPort(e.Data) is { } port && Interlocked.Exchange(ref announced, 1) == 0)
            {
                LogStarted(port, botEndpoint);
            }
        };
        playground.ErrorDataReceived += (_, e) => LogOutput(e.Data);
        playground.BeginOutputReadLine();
        playground.BeginErrorReadLine();

        try
        {
            await playground.WaitForExitAsync(stoppingToken);
            LogExited(playground.ExitCode);
        }
        catch (OperationCanceledException)
        {
            playground.Kill(entireProcessTree: true);
        }
    }

    // The line the Playground CLI (0.2.28, pinned) prints to a redirected stdout once its server listens.
    private static int? ListeningPort(string? line) =>
        line is not null && line.StartsWith(ListeningPrefix, StringComparison.Ordinal)
        && int.TryParse(line.AsSpan(ListeningPrefix.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agents Playground started: open http://localhost:{Port} in a browser to chat with the bot at {BotEndpoint}")]
    private partial void LogStarted(int port, Uri botEndpoint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "playground: {Line}")]
    private partial void LogOutputLine(string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Agents Playground exited with code {ExitCode}")]
    private partial void LogExited(int exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Agents Playground needs Node.js: '{Node}' or '{Npm}' could not be started. Install Node.js 20+ or set Playground:NodeExecutable / Playground:NpmExecutable")]
    private partial void LogNodeMissing(Exception exception, string node, string npm);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Agents Playground could not start: {Reason}")]
    private partial void LogPlaygroundFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Agents Playground was not started: the bot has no listening address")]
    private partial void LogNoAddress();

    private void LogOutput(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            LogOutputLine(line);
        }
    }
}
