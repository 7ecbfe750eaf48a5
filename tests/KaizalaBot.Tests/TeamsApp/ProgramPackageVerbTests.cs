using System.IO.Compression;
using System.Text.Json.Nodes;
using KaizalaBot.TeamsApp;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Processes;

namespace KaizalaBot.Tests.TeamsApp;

/// <summary>
/// The built host started as a process with <c>package-teams-app</c>: Program hands over to the verb before any web
/// host starts, and the verb sees the configuration sources the bot sees (environment variables, command line).
/// </summary>
public sealed class ProgramPackageVerbTests : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);
    private readonly TempDirectory _workingDirectory = new();

    private string Output => Path.Combine(_workingDirectory.Path, "out");

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

        var result = await RunHostAsync(environment, "--TeamsApp:BotDomain", "kaizalabot-contoso.azurewebsites.net");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Contains(TeamsAppSettingsTests.AppId, result.Output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(Path.Combine(Output, TeamsAppPackager.PackageFileName));
        using var manifest = zip.GetEntry("manifest.json")!.Open();
        var json = JsonNode.Parse(manifest)!;
        Assert.Equal(TeamsAppSettingsTests.AppId, (string?)json["bots"]![0]!["botId"]);
        Assert.Equal("kaizalabot-contoso.azurewebsites.net", (string?)json["validDomains"]![0]);
    }

    [Fact]
    public async Task PackageVerb_PlaceholderAppIdOnTheCommandLine_ExitsNonZeroWithTheReason()
    {
        // The command line outranks the environment, as it does for the bot: the all-zero id wins over any inherited one.
        var result = await RunHostAsync([], "--MicrosoftAppId", "00000000-0000-0000-0000-000000000000");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MicrosoftAppId is the all-zero GUID", result.Errors, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.False(Directory.Exists(Output));
    }

    public void Dispose() => _workingDirectory.Dispose();

    private async Task<ProcessResult> RunHostAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        // Production, so no developer's user-secrets are read. The host's build sits beside the test assembly; started
        // from an empty folder, it finds manifest/ from its own location, as a build copied out of a clone would.
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = ProcessRunner.Start(
            "dotnet",
            _workingDirectory.Path,
            environment,
            [Path.Combine(AppContext.BaseDirectory, "KaizalaBot.dll"), TeamsAppPackageCommand.Verb, "--output", Output, .. arguments]);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not exit within {ProcessTimeout}: did the verb start the web host instead?");
        }

        return new ProcessResult(process.ExitCode, await output, await errors);
    }
}
