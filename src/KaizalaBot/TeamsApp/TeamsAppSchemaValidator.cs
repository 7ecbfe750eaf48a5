using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.TeamsApp;

/// <summary>
/// Checks Teams app packages offline against the schemas bundled by the pinned <c>@microsoft/app-manifest</c> npm
/// package (<c>manifest/tools/validate-package.js</c>: ajv draft-04 with <c>const</c> and formats enforced). The .NET
/// validators on the feed either ignore <c>const</c> (NJsonSchema), which the Teams schemas use for
/// <c>manifestVersion</c>, or do not read draft-04 (JsonSchema.Net). The tool folder is installed with <c>npm ci</c>
/// from its lock file on first use.
/// </summary>
public sealed class TeamsAppSchemaValidator(string toolDirectory, TimeProvider time)
{
    private const string Script = "validate-package.js";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<TeamsAppValidationResult>> ValidateAsync(
        IReadOnlyList<TeamsAppPackageFiles> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        await EnsureInstalledAsync(cancellationToken);

        var input = new JsonArray([.. packages.Select(package => (JsonNode)new JsonObject
        {
            ["name"] = package.Name,
            ["files"] = new JsonObject(package.Files.Select(file => KeyValuePair.Create(file.Key, (JsonNode?)file.Value.DeepClone()))),
        })]);
        var (exitCode, output, errors) = await RunAsync("node", [Script], input.ToJsonString(), cancellationToken);
        if (exitCode != 0)
        {
            throw new TeamsAppPackageException($"node {Script} in {toolDirectory} failed (exit {exitCode}): {errors}");
        }

        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<TeamsAppValidationResult>(line, Json)
                ?? throw new TeamsAppPackageException($"{Script} printed an empty result."))
            .ToList();
        return results.Count == packages.Count
            ? results
            : throw new TeamsAppPackageException($"{Script} answered {results.Count} results for {packages.Count} packages: {errors}");
    }

    private async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var marker = Path.Combine(toolDirectory, "node_modules", ".package-lock.json");
        if (File.Exists(marker))
        {
            return;
        }

        // Tests validate in parallel and a packaging run may start beside them: one npm ci at a time per folder.
        await using var gate = await AcquireInstallLockAsync(cancellationToken);
        if (!File.Exists(marker))
        {
            var (exitCode, output, errors) = await RunAsync(
                "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, cancellationToken);
            if (exitCode != 0)
            {
                throw new TeamsAppPackageException($"npm ci in {toolDirectory} failed (exit {exitCode}): {errors}{output}");
            }
        }
    }

    private async Task<FileStream> AcquireInstallLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(toolDirectory, ".install.lock");
        while (true)
        {
            try
            {
                // The OS drops the lock when its holder exits, however it exits: no stale lock to clean up.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
            }
        }
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string program, IEnumerable<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = toolDirectory,
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new TeamsAppPackageException($"'{program}' could not be started.");
        }
        catch (Win32Exception ex)
        {
            throw new TeamsAppPackageException(
                $"'{program}' was not found: the Teams app package is validated with Node.js 20+ and npm; install them or put them on PATH.", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
                process.StandardInput.Close();
            }

            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await output, await errors);
        }
    }
}
