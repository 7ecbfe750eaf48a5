using System.Diagnostics;
using KaizalaBot.Testing.Processes;

namespace KaizalaBot.EndToEnd.FullStack;

/// <summary>
/// A long-running child of the test (the bot, the simulator, the Playground): its output goes to a log file kept with
/// the artifacts, it is ready when it prints its ready line, and <see cref="KillAsync"/> is SIGKILL of its process
/// tree — what a crashed host looks like, with no shutdown code run.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _readyLine;
    private bool _logClosed;

    private ServiceProcess(string name, Process process, StreamWriter log, string readyLine)
    {
        Name = name;
        _readyLine = readyLine;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public static ServiceProcess Start(
        string name,
        string fileName,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        string logPath,
        string readyLine,
        params string[] arguments)
    {
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        log.WriteLine($"==== {name} started at {DateTimeOffset.UtcNow:O}: {fileName} {string.Join(' ', arguments)}");
        var process = ProcessRunner.Start(fileName, workingDirectory, environment, arguments);
        var service = new ServiceProcess(name, process, log, readyLine);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => service._ready.TrySetException(
            new InvalidOperationException($"{name} exited with code {process.ExitCode} before it was ready; see its log."));

        // Standard input stays open (ProcessRunner redirects it): the Playground CLI quits when it reaches end of file.
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>
    /// Waits for the line the process prints once it serves (ASP.NET Core's "Application started.", the Playground's
    /// "Listening on"): an event, not a poll; fails at once if the process exits first, or past <paramref name="limit"/>.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            await _ready.Task.WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{Name} did not print '{_readyLine}' within {limit}; see its log.", ex);
        }
    }

    /// <summary>SIGKILL (Process.Kill on Unix) of the whole tree, then waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Append($"==== {Name} killed at {DateTimeOffset.UtcNow:O}");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_logLock)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains(_readyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
