using System.Diagnostics;
using KaizalaBot.Testing.Processes;

namespace KaizalaBot.EndToEnd.FullStack;

/// <summary>
/// A long-running child of the test (the bot, the simulator, the Playground): its output goes to a log file kept with
/// the artifacts, it is ready when its URL answers, and <see cref="KillAsync"/> is SIGKILL of its process tree — what a
/// crashed host looks like, with no shutdown code run.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private bool _logClosed;

    private ServiceProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public static ServiceProcess Start(
        string name, string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, string logPath, params string[] arguments)
    {
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        log.WriteLine($"==== {name} started at {DateTimeOffset.UtcNow:O}: {fileName} {string.Join(' ', arguments)}");
        var process = ProcessRunner.Start(fileName, workingDirectory, environment, arguments);
        var service = new ServiceProcess(name, process, log);

        // Standard input stays open (ProcessRunner redirects it): the Playground CLI quits when it reaches end of file.
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until <paramref name="url"/> answers with a status below 500; fails at once if the process exits.</summary>
    public async Task WaitUntilAnswersAsync(Uri url, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before answering on {url}; see its log.");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException($"{Name} did not answer on {url} within {limit}; see its log.");
            }

            // A real process starting up: there is no event to wait on but its port answering.
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
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

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
