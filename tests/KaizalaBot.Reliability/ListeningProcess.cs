using System.Diagnostics;
using System.Text.RegularExpressions;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Processes;

namespace KaizalaBot.Reliability;

/// <summary>
/// An ASP.NET Core program of ours (the bot, the standalone simulator) run as its own process from its built assembly on
/// an OS-chosen loopback port; it can be killed the way a crash kills it (SIGKILL, no shutdown code runs).
/// </summary>
internal sealed partial class ListeningProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _drained;
    private readonly Lock _gate = new();
    private readonly Queue<string> _lastLines = new();
    private readonly Dictionary<string, int> _counted;
    private readonly StreamWriter? _fullLog;

    private ListeningProcess(Process process, IEnumerable<string> counted, string? logPath)
    {
        _process = process;
        _counted = counted.ToDictionary(f => f, _ => 0, StringComparer.Ordinal);
        // One file per process: two instances of one run (instances mode) each get theirs.
        _fullLog = logPath is null ? null : new StreamWriter($"{logPath}-pid{process.Id}.log") { AutoFlush = true };
        _drained = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
    }

    public Uri BaseAddress { get; private set; } = null!;

    public int Id => _process.Id;

    public static Task<ListeningProcess> StartAsync(string assembly, IReadOnlyDictionary<string, string> environment) =>
        StartAsync(assembly, environment, counted: []);

    /// <summary>
    /// Starts it, counting the lines it writes that contain one of <paramref name="counted"/> (see <see cref="Count"/>), and
    /// writing all of them to <c>{logPath}-pid{process id}.log</c> when a path is given (a replay's whole log, beyond the tail).
    /// </summary>
    public static async Task<ListeningProcess> StartAsync(
        string assembly, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> counted, string? logPath = null)
    {
        var process = ProcessRunner.Start(
            "dotnet", Path.GetDirectoryName(assembly)!, environment, [assembly, "--urls", "http://127.0.0.1:0"]);
        var started = new ListeningProcess(process, counted, logPath);
        try
        {
            started.BaseAddress = await started._listening.Task.WithinAsync($"{Path.GetFileName(assembly)} to listen", StartLimit);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    /// <summary>SIGKILL: the process ends mid-instruction, as on a host crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _drained;
    }

    /// <summary>The last lines it wrote, for a failure message.</summary>
    public string Tail()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    /// <summary>How many lines so far contained <paramref name="fragment"/> (one of those named at the start).</summary>
    public int Count(string fragment)
    {
        lock (_gate)
        {
            return _counted[fragment];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (_fullLog is not null)
        {
            await _fullLog.DisposeAsync();
        }
    }

    private async Task ReadAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                _fullLog?.WriteLine(line);
                _lastLines.Enqueue(line);
                if (_lastLines.Count > 40)
                {
                    _lastLines.Dequeue();
                }

                foreach (var fragment in _counted.Keys.Where(f => line.Contains(f, StringComparison.Ordinal)).ToList())
                {
                    _counted[fragment]++;
                }
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                _listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
            }
        }

        _listening.TrySetException(new InvalidOperationException("The process ended before it listened: " + Tail()));
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
