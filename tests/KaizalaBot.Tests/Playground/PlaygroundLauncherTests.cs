using KaizalaBot.Playground;
using KaizalaBot.Testing;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Tests.Playground;

/// <summary>
/// "Agents Playground started" is the launcher's readiness signal (the end-to-end host waits on it): it is logged once
/// the Playground says it listens, with the port it took, and never for a Playground that exits without listening.
/// Node.js and npm are shell scripts standing in for them, so the test needs neither and runs in a moment.
/// </summary>
public sealed class PlaygroundLauncherTests : IDisposable
{
    private const string Started = "Agents Playground started";

    private readonly TempDirectory _temp = new();
    private readonly FakeLogCollector _log = new();

    public PlaygroundLauncherTests()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "package-lock.json"), """{"name":"playground","lockfileVersion":3,"packages":{}}""");

        // "npm ci" puts the CLI where the launcher looks for it.
        WriteScript(Npm, "mkdir -p node_modules/@microsoft/m365agentsplayground && touch node_modules/@microsoft/m365agentsplayground/cli.js");
    }

    [Fact]
    public async Task Launcher_PlaygroundListensOnAnotherPort_LogsStartedAfterItSaysSoWithThePortItTook()
    {
        // The configured port was taken, so the Playground picked another, as the real CLI does; then it runs until stopped.
        WriteScript(Node, "echo 'Preparing the server'\necho 'Listening on 4321'\nexec cat");
        using var launcher = Launcher();

        await launcher.StartAsync(CancellationToken.None);
        var started = await LauncherRecordAsync(r => r.Message.StartsWith(Started, StringComparison.Ordinal));
        await launcher.StopAsync(CancellationToken.None);

        Assert.Equal("4321", started.GetStructuredStateValue("Port"));
        Assert.Contains("http://localhost:4321", started.Message, StringComparison.Ordinal);
        var lines = _log.GetSnapshot().Select(r => r.Message).ToList();
        Assert.True(
            lines.IndexOf("playground: Preparing the server") < lines.IndexOf(started.Message),
            "'started' was logged before the Playground said it listens");
        Assert.Single(lines, line => line.StartsWith(Started, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Launcher_PlaygroundExitsWithoutListening_NeverLogsStarted()
    {
        WriteScript(Node, "echo 'Error: cannot bind' >&2\nexit 3");
        using var launcher = Launcher();

        await launcher.StartAsync(CancellationToken.None);
        await LauncherRecordAsync(r => r.Message == "The Agents Playground exited with code 3");
        await launcher.StopAsync(CancellationToken.None);

        Assert.DoesNotContain(_log.GetSnapshot(), r => r.Message.StartsWith(Started, StringComparison.Ordinal));
        Assert.Contains(_log.GetSnapshot(), r => r.Message == "playground: Error: cannot bind");
    }

    public void Dispose() => _temp.Dispose();

    private string Folder => Path.Combine(_temp.Path, "Playground");

    private string Node => Path.Combine(_temp.Path, "node");

    private string Npm => Path.Combine(_temp.Path, "npm");

    private PlaygroundLauncher Launcher()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        lifetime.NotifyStarted();
        var options = Options.Create(new PlaygroundOptions
        {
            Enabled = true, Port = 56150, InstallDirectory = Folder, NodeExecutable = Node, NpmExecutable = Npm,
        });
        var environment = new HostingEnvironment { ContentRootPath = _temp.Path, EnvironmentName = "Development" };
        return new PlaygroundLauncher(
            options, new AddressOnlyServer("http://127.0.0.1:3978"), lifetime, environment, TimeProvider.System,
            new FakeLogger<PlaygroundLauncher>(_log));
    }

    private async Task<FakeLogRecord> LauncherRecordAsync(Func<FakeLogRecord, bool> match)
    {
        using var limit = new CancellationTokenSource(Waits.DefaultLimit);
        try
        {
            await foreach (var record in _log.GetLogsAsync(limit.Token))
            {
                if (match(record))
                {
                    return record;
                }
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
        }

        throw new TimeoutException(
            $"Waited {Waits.DefaultLimit} for the launcher's line; it logged: {string.Join(" | ", _log.GetSnapshot().Select(r => r.Message))}");
    }

    private static void WriteScript(string path, string body)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("These tests stand in for Node.js with POSIX shell scripts: run them on Linux or macOS.");
        }

        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
