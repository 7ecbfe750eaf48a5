using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using KaizalaBot.TeamsApp;

namespace KaizalaBot.Tests.TeamsApp;

/// <summary>
/// The built host started as a process with <c>package-teams-app</c>: Program hands over to the verb before any web
/// host starts, and the verb sees the configuration sources the bot sees (environment variables, command line).
/// </summary>
public sealed class ProgramPackageVerbTests : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);
    private readonly string _workingDirectory = Path.Combine(Path.GetTempPath(), "kaizalabot-verb-" + Guid.NewGuid().ToString("N"));

    public ProgramPackageVerbTests() => Directory.CreateDirectory(_workingDirectory);

    private string Output => Path.Combine(_workingDirectory, "out");

    [Fact]
    public async Task PackageVerb_AppIdFromEnvironment_PackagesThatBotAndExits()
    {
        var environment = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = TeamsAppSettingsTests.AppId,
            ["TeamsApp__DeveloperName"] = "Contoso Cloud Partners",
            ["TeamsApp__WebsiteUrl"] = "https://www.contoso.com/",
            ["TeamsApp__PrivacyUrl"] = "https://www.contoso.com/privacy",
            ["TeamsApp__TermsOfUseUrl"] = "https://www.contoso.com/terms",
        };

        var (exitCode, stdout, stderr) = await RunHostAsync(environment, "--TeamsApp:BotDomain", "kaizalabot-contoso.azurewebsites.net");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains(TeamsAppSettingsTests.AppId, stdout, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(Path.Combine(Output, TeamsAppPackager.PackageFileName));
        using var manifest = zip.GetEntry("manifest.json")!.Open();
        var json = JsonNode.Parse(manifest)!;
        Assert.Equal(TeamsAppSettingsTests.AppId, (string?)json["bots"]![0]!["botId"]);
        Assert.Equal("kaizalabot-contoso.azurewebsites.net", (string?)json["validDomains"]![0]);
    }

    [Fact]
    public async Task PackageVerb_PlaceholderAppIdOnTheCommandLine_ExitsNonZeroWithTheReason()
    {
        var (exitCode, stdout, stderr) = await RunHostAsync([], "--MicrosoftAppId", "00000000-0000-0000-0000-000000000000");

        Assert.Equal(1, exitCode);
        Assert.Contains("MicrosoftAppId is the all-zero GUID", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.False(Directory.Exists(Output));
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunHostAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        // The host's build sits beside the test assembly. Started from an empty folder, it finds manifest/ from its
        // own location, as a build copied elsewhere would from a clone.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "KaizalaBot.dll"), TeamsAppPackageCommand.Verb, "--output", Output },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Production: no user-secrets of the machine's developer, and nothing inherited that the test did not set.
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MicrosoftApp", StringComparison.OrdinalIgnoreCase) || k.StartsWith("TeamsApp", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var timeout = new CancellationTokenSource(ProcessTimeout);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not exit within {ProcessTimeout}: did the verb start the web host instead?");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
