using System.Diagnostics;
using System.Text.RegularExpressions;
using KaizalaBot.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace KaizalaBot.Storage.Tests.Infrastructure;

/// <summary>
/// One Azurite blob service for the whole test run: installed on first use (npm ci of the pinned
/// tests/tools/azurite lock file, serialised across processes), started on an OS-chosen loopback port, and killed
/// with its process tree at the end. Without Node.js/npm the fixture fails with a clear message.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = new();
    private Process? _process;
    private int _containerCounter;

    public Uri BlobEndpoint { get; private set; } = null!;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={BlobConnectionString.DevelopmentAccountName};"
        + $"AccountKey={BlobConnectionString.DevelopmentAccountKey};BlobEndpoint={BlobEndpoint}";

    public async Task InitializeAsync()
    {
        var script = Environment.GetEnvironmentVariable("AZURITE_BLOB") ?? await EnsureInstalledAsync();
        var watchdog = Path.Combine(RepositoryPaths.AzuriteToolDirectory(), "exit-with-parent.cjs");
        var process = ProcessRunner.Start(
            "node",
            Path.GetDirectoryName(script)!,
            "--require", watchdog, script, "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent");
        _process = process;
        var stderr = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"Azurite did not report its port within {StartTimeout}.");
            }

            if (line is null)
            {
                throw new InvalidOperationException($"Azurite exited before listening: {await stderr}");
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                BlobEndpoint = new Uri(match.Groups[1].Value.TrimEnd('/') + "/" + BlobConnectionString.DevelopmentAccountName);
                break;
            }
        }

        // Keep draining stdout so that Azurite never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        _http.Dispose();
    }

    public BlobServiceClient CreateServiceClient(BlobClientOptions? options = null) =>
        new(_http, BlobConnectionString.Parse(ConnectionString), options ?? new BlobClientOptions(), TimeProvider.System,
            NullLogger<BlobServiceClient>.Instance);

    /// <summary>A container name no other test uses (not created: the code under test creates it on first use).</summary>
    public BlobContainerClient NewContainer() =>
        CreateServiceClient().GetBlobContainerClient($"test-{Interlocked.Increment(ref _containerCounter)}-{Guid.NewGuid():N}");

    private static async Task<string> EnsureInstalledAsync()
    {
        var toolDirectory = RepositoryPaths.AzuriteToolDirectory();
        var script = Path.Combine(toolDirectory, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (File.Exists(script))
        {
            return script;
        }

        // Another test process may be installing at the same moment: an exclusive lock file serialises npm ci.
        var lockPath = Path.Combine(toolDirectory, ".install.lock");
        FileStream? installLock = null;
        using var timeout = new CancellationTokenSource(InstallTimeout);
        while (installLock is null)
        {
            try
            {
                installLock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
        }

        await using (installLock)
        {
            if (!File.Exists(script))
            {
                var (exitCode, output) = await ProcessRunner.RunAsync(
                    "npm", toolDirectory, InstallTimeout, "ci", "--no-audit", "--no-fund");
                if (exitCode != 0 || !File.Exists(script))
                {
                    throw new InvalidOperationException($"'npm ci' in {toolDirectory} failed (exit code {exitCode}):\n{output}");
                }
            }
        }

        return script;
    }

    [GeneratedRegex(@"successfully listens on (http://\S+)")]
    private static partial Regex ListeningLine();
}
