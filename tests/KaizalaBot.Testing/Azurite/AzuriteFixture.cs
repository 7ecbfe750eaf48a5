using System.Diagnostics;
using System.Text.RegularExpressions;
using KaizalaBot.Testing.Processes;
using Xunit;

namespace KaizalaBot.Testing.Azurite;

/// <summary>
/// One Azurite blob service per test collection: installed on first use (npm ci of the pinned tests/tools/azurite
/// lock file), started on an OS-chosen loopback port, killed with its process tree at the end. Without Node.js/npm
/// the fixture fails with a clear message. Share it through an xunit collection fixture in the test project.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The documented emulator account (public, not a secret): https://learn.microsoft.com/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private Process? _process;

    /// <summary>Path-style Blob endpoint, e.g. <c>http://127.0.0.1:50123/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint { get; private set; } = null!;

    /// <summary>An account-key connection string in the <c>BlobEndpoint=</c> form, pointing at this Azurite.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint}";

    public async Task InitializeAsync()
    {
        var toolDirectory = await NodeTool.EnsureInstalledAsync("azurite", CancellationToken.None);
        var script = Environment.GetEnvironmentVariable("AZURITE_BLOB")
            ?? Path.Combine(toolDirectory, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        var process = ProcessRunner.Start(
            "node",
            toolDirectory,
            "--require", Path.Combine(toolDirectory, "exit-with-parent.cjs"), script,
            "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence", "--loose", "--disableTelemetry", "--silent");
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
                BlobEndpoint = new Uri(match.Groups[1].Value.TrimEnd('/') + "/" + AccountName);
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
    }

    [GeneratedRegex(@"successfully listens on (http://\S+)")]
    private static partial Regex ListeningLine();
}
