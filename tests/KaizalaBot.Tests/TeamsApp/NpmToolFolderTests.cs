using System.Text.Json.Nodes;
using KaizalaBot.TeamsApp;
using KaizalaBot.Testing;

namespace KaizalaBot.Tests.TeamsApp;

/// <summary>
/// A fresh clone has no <c>node_modules</c>: the first use installs the pinned packages once, even when several
/// callers start together, and a machine without Node.js gets a message that says so.
/// </summary>
public sealed class NpmToolFolderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public NpmToolFolderTests()
    {
        foreach (var file in new[] { "package.json", "package-lock.json", "validate-package.js" })
        {
            File.Copy(Path.Combine(TeamsAppFiles.Directory, "tools", file), Path.Combine(Folder, file));
        }
    }

    [Fact]
    public async Task RunScriptAsync_FreshFolderAndParallelCallers_InstallsOnceAndRunsEach()
    {
        var tools = new NpmToolFolder(Folder, TimeProvider.System);
        var input = new JsonArray(new JsonObject
        {
            ["name"] = "fresh",
            ["files"] = new JsonObject { ["manifest.json"] = TeamsAppFiles.Manifest(), ["fr.json"] = TeamsAppFiles.French() },
        }).ToJsonString();

        var outputs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => tools.RunScriptAsync("validate-package.js", input, CancellationToken.None)));

        Assert.All(outputs, output => Assert.Equal("""{"name":"fresh","manifestVersion":"1.30","errors":[]}""", output.Trim()));
        Assert.True(File.Exists(Path.Combine(Folder, "node_modules", ".package-lock.json")));
        Assert.False(File.Exists(Path.Combine(Folder, ".install.lock")));
    }

    [Fact]
    public async Task RunScriptAsync_NodeNotInstalled_SaysSo()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "node_modules"));
        File.WriteAllText(Path.Combine(Folder, "node_modules", ".package-lock.json"), "{}");
        var tools = new NpmToolFolder(Folder, TimeProvider.System) { NodeExecutable = "kaizalabot-no-such-node" };

        var refusal = await Assert.ThrowsAsync<TeamsAppPackageException>(() => tools.RunScriptAsync("validate-package.js", "[]", CancellationToken.None));

        Assert.StartsWith("'kaizalabot-no-such-node' was not found:", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Node.js 20+", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunScriptAsync_ScriptFails_ReportsItsExitCodeAndError()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "node_modules"));
        File.WriteAllText(Path.Combine(Folder, "node_modules", ".package-lock.json"), "{}");
        File.WriteAllText(Path.Combine(Folder, "fail.js"), "process.stderr.write('boom'); process.exit(3);");
        var tools = new NpmToolFolder(Folder, TimeProvider.System);

        var refusal = await Assert.ThrowsAsync<TeamsAppPackageException>(() => tools.RunScriptAsync("fail.js", string.Empty, CancellationToken.None));

        Assert.Contains("failed (exit 3): boom", refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private string Folder => _temp.Path;
}
