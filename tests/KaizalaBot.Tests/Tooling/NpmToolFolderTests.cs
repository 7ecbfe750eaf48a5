using System.Text.Json.Nodes;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Processes;
using KaizalaBot.Tests.TeamsApp;
using KaizalaBot.Tooling;

namespace KaizalaBot.Tests.Tooling;

/// <summary>
/// An npm tool folder is installed with the real npm: on first use, once however many callers start together, again when
/// its committed lock file changes (a checkout keeps no stale packages), and a machine without Node.js gets a message
/// that says so. Most cases use a lock file without packages, so npm ci runs offline in a moment; an npm wrapper counts
/// the runs.
/// </summary>
public sealed class NpmToolFolderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public NpmToolFolderTests()
    {
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(Bin);

        // Logs each run, then hands over to the real npm.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("These tests wrap npm in a POSIX shell script: run them on Linux or macOS.");
        }

        File.WriteAllText(CountingNpm, $"#!/bin/sh\necho \"$*\" >> '{NpmRunLog}'\nexec npm \"$@\"\n");
        File.SetUnixFileMode(CountingNpm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task EnsureInstalledAsync_ParallelCallersOnAFreshFolder_RunNpmCiOnceAndStampTheLock()
    {
        WritePackage("1.0.0");
        var tools = Tools();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => tools.EnsureInstalledAsync(CancellationToken.None))));

        Assert.Equal(["ci --no-audit --no-fund --loglevel=error"], NpmRuns());
        Assert.Equal(await Sha256SumAsync(), await File.ReadAllTextAsync(Stamp));
    }

    [Fact]
    public async Task EnsureInstalledAsync_LockFileChangedSinceTheInstall_InstallsAgain()
    {
        WritePackage("1.0.0");
        var tools = Tools();
        await tools.EnsureInstalledAsync(CancellationToken.None);
        var leftover = Path.Combine(Folder, "node_modules", "installed-from-1.0.0");
        await File.WriteAllTextAsync(leftover, "npm ci removes node_modules first");

        await tools.EnsureInstalledAsync(CancellationToken.None);
        Assert.Single(NpmRuns());
        Assert.True(File.Exists(leftover), "an unchanged lock file must not install again");

        WritePackage("1.0.1");
        await tools.EnsureInstalledAsync(CancellationToken.None);

        Assert.Equal(2, NpmRuns().Count);
        Assert.False(File.Exists(leftover), "the packages of the old lock file are still there");
        Assert.Equal(await Sha256SumAsync(), await File.ReadAllTextAsync(Stamp));
    }

    [Fact]
    public async Task EnsureInstalledAsync_InstallOfAnOlderBuildWithoutStamp_InstallsAgain()
    {
        // What a checkout installed before the stamp existed: npm's own marker, which any install leaves.
        WritePackage("1.0.0");
        Directory.CreateDirectory(Path.Combine(Folder, "node_modules"));
        await File.WriteAllTextAsync(Path.Combine(Folder, "node_modules", ".package-lock.json"), "{}");

        await Tools().EnsureInstalledAsync(CancellationToken.None);

        Assert.Single(NpmRuns());
        Assert.True(File.Exists(Stamp));
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmCiFails_ReportsNpmsErrorStampsNothingAndTriesAgainNextTime()
    {
        WritePackage("1.0.0");
        // A dependency the lock file lacks: npm ci refuses a package.json out of step with its lock, before any download.
        await File.WriteAllTextAsync(Path.Combine(Folder, "package.json"), """{"name":"tool","version":"1.0.0","private":true,"dependencies":{"left-pad":"1.3.0"}}""");
        var tools = Tools();

        var refusal = await Assert.ThrowsAsync<NpmToolException>(() => tools.EnsureInstalledAsync(CancellationToken.None));
        await Assert.ThrowsAsync<NpmToolException>(() => tools.EnsureInstalledAsync(CancellationToken.None));

        Assert.StartsWith($"npm ci in {Folder} failed (exit ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("package-lock.json", refusal.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Stamp));
        Assert.Equal(2, NpmRuns().Count);
    }

    [Fact]
    public async Task EnsureInstalledAsync_NoLockFile_SaysWhatIsMissing()
    {
        await File.WriteAllTextAsync(Path.Combine(Folder, "package.json"), """{"name":"tool","version":"1.0.0","private":true}""");

        var refusal = await Assert.ThrowsAsync<NpmToolException>(() => Tools().EnsureInstalledAsync(CancellationToken.None));

        Assert.Equal($"{Folder} has no package-lock.json: its npm packages are pinned by that committed file; restore it from git.", refusal.Message);
        Assert.Empty(NpmRuns());
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmNotInstalled_SaysSo()
    {
        WritePackage("1.0.0");
        var tools = new NpmToolFolder(Folder, TimeProvider.System) { NpmExecutable = "kaizalabot-no-such-npm" };

        var refusal = await Assert.ThrowsAsync<NpmToolException>(() => tools.EnsureInstalledAsync(CancellationToken.None));

        Assert.Equal($"'kaizalabot-no-such-npm' was not found: {Folder} needs Node.js 20+ and npm; install them or put them on PATH.", refusal.Message);
        Assert.False(File.Exists(Stamp));
    }

    [Fact]
    public async Task RunScriptAsync_NodeNotInstalled_SaysSo()
    {
        WritePackage("1.0.0");
        var tools = new NpmToolFolder(Folder, TimeProvider.System) { NpmExecutable = CountingNpm, NodeExecutable = "kaizalabot-no-such-node" };

        var refusal = await Assert.ThrowsAsync<NpmToolException>(() => tools.RunScriptAsync("tool.js", "[]", CancellationToken.None));

        Assert.Equal($"'kaizalabot-no-such-node' was not found: {Folder} needs Node.js 20+ and npm; install them or put them on PATH.", refusal.Message);
    }

    [Fact]
    public async Task RunScriptAsync_ScriptFails_ReportsItsExitCodeAndError()
    {
        WritePackage("1.0.0");
        await File.WriteAllTextAsync(Path.Combine(Folder, "fail.js"), "process.stderr.write('boom'); process.exit(3);");

        var refusal = await Assert.ThrowsAsync<NpmToolException>(() => Tools().RunScriptAsync("fail.js", string.Empty, CancellationToken.None));

        Assert.Equal($"node fail.js in {Folder} failed (exit 3): boom", refusal.Message);
    }

    [Fact]
    public async Task RunScriptAsync_ManifestToolsOnAFreshFolder_InstallsTheirPackagesAndRunsTheValidator()
    {
        foreach (var file in new[] { "package.json", "package-lock.json", "validate-package.js" })
        {
            File.Copy(Path.Combine(TeamsAppFiles.Directory, "tools", file), Path.Combine(Folder, file));
        }

        var input = new JsonArray(new JsonObject
        {
            ["name"] = "fresh",
            ["files"] = new JsonObject { ["manifest.json"] = TeamsAppFiles.Manifest(), ["fr.json"] = TeamsAppFiles.French() },
        }).ToJsonString();

        var output = await Tools().RunScriptAsync("validate-package.js", input, CancellationToken.None);

        Assert.Equal("""{"name":"fresh","manifestVersion":"1.30","errors":[]}""", output.Trim());
        Assert.Single(NpmRuns());
    }

    public void Dispose() => _temp.Dispose();

    private string Folder => Path.Combine(_temp.Path, "tool");

    private string Bin => Path.Combine(_temp.Path, "bin");

    private string CountingNpm => Path.Combine(Bin, "npm");

    private string NpmRunLog => Path.Combine(_temp.Path, "npm-runs.log");

    private string Stamp => Path.Combine(Folder, "node_modules", ".package-lock.sha256");

    private NpmToolFolder Tools() => new(Folder, TimeProvider.System) { NpmExecutable = CountingNpm };

    private List<string> NpmRuns() => File.Exists(NpmRunLog) ? [.. File.ReadAllLines(NpmRunLog)] : [];

    // A package without dependencies: npm ci installs it offline, and its version is enough to change the lock file.
    private void WritePackage(string version)
    {
        File.WriteAllText(Path.Combine(Folder, "package.json"), $$"""{"name":"tool","version":"{{version}}","private":true}""");
        File.WriteAllText(Path.Combine(Folder, "package-lock.json"), $$"""
            {
              "name": "tool",
              "version": "{{version}}",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": {
                  "name": "tool",
                  "version": "{{version}}"
                }
              }
            }
            """);
    }

    // What .ci/run compares the stamp with.
    private async Task<string> Sha256SumAsync()
    {
        var result = await ProcessRunner.RunAsync("sha256sum", Folder, Waits.DefaultLimit, null, CancellationToken.None, "package-lock.json");
        return result.Output.Split(' ')[0] + "\n";
    }
}
