using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// An ASP.NET Core app of this build (the bot or the floor) run as its own process with <c>dotnet app.dll</c>, on a
/// loopback port it picks itself (found in its "Now listening on" line), so its CPU and memory are its own. Disposing it
/// kills it (and anything it started) and waits for it to go.
/// </summary>
internal sealed partial class ServedProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;

    private ServedProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    /// <summary>Starts <paramref name="assemblyName"/> from this benchmark's own output folder and waits until it listens.</summary>
    public static async Task<ServedProcess> StartAsync(
        string name, string assemblyName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is missing: build tests/KaizalaBot.Benchmarks, which references it.", assembly);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var lastLines = new Queue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                listening.TrySetException(new InvalidOperationException($"{name} exited before it listened:\n{string.Join('\n', lastLines)}"));
                return;
            }

            lock (lastLines)
            {
                lastLines.Enqueue(line);
                if (lastLines.Count > 40)
                {
                    lastLines.Dequeue();
                }
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
            }
        }

        // Both pipes are drained for the whole life of the process, so it never blocks on a full one.
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Read(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var baseAddress = await listening.Task.WaitAsync(StartTimeout, cancellationToken);
            return new ServedProcess(name, process, baseAddress);
        }
        catch
        {
            await StopAsync(process);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_process);
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
