using System.Diagnostics;
using System.Text.RegularExpressions;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Processes;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// The bot as a deployment runs it: its own process (Development, memory storage, no Playground) with the environment a
/// test gives it, stopped the way a platform stops it (SIGTERM), so its shutdown, telemetry flushes included, runs.
/// For what only a process of its own can have: environment variables read straight from the process
/// (<c>http_proxy</c>, Application Insights' switches) and a shutdown after which nothing may be sent.
/// </summary>
internal sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _drained;

    private BotProcess(Process process)
    {
        _process = process;
        _drained = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
    }

    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var host = typeof(Program).Assembly.Location;
        var process = ProcessRunner.Start(
            "dotnet", Path.GetDirectoryName(host)!, environment,
            host, "--environment", "Development", "--urls", "http://127.0.0.1:0", "--Storage:Provider", "Memory", "--Playground:Enabled", "false",

            // The expiry index and the reminders call the in-process simulator over loopback at start-up: connections
            // that are not the ones these tests look for (an exporter's) but that a proxy on every host would count.
            "--Expiry:BuildAtStartup", "false", "--Reminders:Enabled", "false");
        var bot = new BotProcess(process);
        bot.BaseAddress = await bot._listening.Task.WithinAsync("the bot process to listen");
        return bot;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Asks the process to stop (SIGTERM) and waits until it has exited.</summary>
    public async Task StopAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await _process.WaitForExitAsync().WithinAsync("the bot process to stop after SIGTERM");
        await _drained;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task ReadAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                _listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
            }
        }

        _listening.TrySetException(new InvalidOperationException("The bot process ended before it listened."));
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
