using System.IO.Compression;
using System.Text.Json.Nodes;
using KaizalaBot.TeamsApp;
using KaizalaBot.Testing;

namespace KaizalaBot.Tests.TeamsApp;

/// <summary>
/// <c>package-teams-app</c> run in-process as Program runs it: found from the host's content root, configured like the
/// bot, writing into a temporary <c>--output</c> folder.
/// </summary>
public sealed class TeamsAppPackageCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public static TheoryData<string?> PlaceholderAppIds() =>
        [null, "", "00000000-0000-0000-0000-000000000000", "not-a-guid"];

    [Theory]
    [InlineData(new[] { "package-teams-app" }, true)]
    [InlineData(new[] { "package-teams-app", "--output", "x" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://localhost:3978" }, false)]
    [InlineData(new[] { "--output", "package-teams-app" }, false)]
    public void IsInvoked_OnlyWhenTheVerbComesFirst(string[] args, bool expected)
    {
        Assert.Equal(expected, TeamsAppPackageCommand.IsInvoked(args));
    }

    [Fact]
    public async Task RunAsync_ConfiguredBot_WritesTheZipWithTheAppIdSubstituted()
    {
        var exitCode = await RunAsync(TeamsAppSettingsTests.Complete());

        Assert.Equal(0, exitCode);
        using var zip = ZipFile.OpenRead(Path.Combine(Output, TeamsAppPackager.PackageFileName));
        Assert.Equal(["color.png", "fr.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!.AsObject();
        Assert.Equal(TeamsAppSettingsTests.AppId, (string?)manifest["id"]);
        Assert.Equal(TeamsAppSettingsTests.AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(
            """{"name":"Contoso Cloud Partners","websiteUrl":"https://www.contoso.com/","privacyUrl":"https://www.contoso.com/privacy","termsOfUseUrl":"https://www.contoso.com/terms","mpnId":"1234567"}""",
            manifest["developer"]!.ToJsonString());
        Assert.Equal("""["kaizalabot-contoso.azurewebsites.net"]""", manifest["validDomains"]!.ToJsonString());
        foreach (var file in new[] { "fr.json", "color.png", "outline.png" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(TeamsAppFiles.Directory, file)), Read(zip, file));
        }

        Assert.Contains(TeamsAppSettingsTests.AppId, _stdout.ToString(), StringComparison.Ordinal);
        Assert.Empty(_stderr.ToString());
    }

    [Fact]
    public async Task RunAsync_ConfiguredBot_ChangesNothingElseInTheManifest()
    {
        await RunAsync(TeamsAppSettingsTests.Complete());

        using var zip = ZipFile.OpenRead(Path.Combine(Output, TeamsAppPackager.PackageFileName));
        var packed = JsonNode.Parse(Read(zip, "manifest.json"))!.AsObject();
        var committed = TeamsAppFiles.Manifest();
        foreach (var manifest in new[] { packed, committed })
        {
            manifest.Remove("id");
            manifest.Remove("developer");
            manifest.Remove("validDomains");
            manifest["bots"]![0]!.AsObject().Remove("botId");
        }

        Assert.True(JsonNode.DeepEquals(committed, packed), packed.ToJsonString());
    }

    [Fact]
    public async Task RunAsync_SameConfigurationTwice_WritesIdenticalBytes()
    {
        await RunAsync(TeamsAppSettingsTests.Complete());
        var first = File.ReadAllBytes(Path.Combine(Output, TeamsAppPackager.PackageFileName));

        await RunAsync(TeamsAppSettingsTests.Complete());

        Assert.Equal(first, File.ReadAllBytes(Path.Combine(Output, TeamsAppPackager.PackageFileName)));
    }

    [Theory]
    [MemberData(nameof(PlaceholderAppIds))]
    public async Task RunAsync_PlaceholderOrMalformedAppId_RefusesWithAMessageAndWritesNothing(string? appId)
    {
        var values = TeamsAppSettingsTests.Complete();
        values["MicrosoftAppId"] = appId;

        var exitCode = await RunAsync(values);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("The Teams app package was not written:", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppId", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(_stdout.ToString());
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task RunAsync_RelativeOutput_IsResolvedFromTheRepositoryRootNotTheWorkingDirectory()
    {
        var command = new TeamsAppPackageCommand(
            TeamsAppSettingsTests.Configuration(TeamsAppSettingsTests.Complete()), HostContentRoot, TimeProvider.System, _stdout, _stderr);

        var exitCode = await command.RunAsync(
            [TeamsAppPackageCommand.Verb, $"--output={Path.GetRelativePath(RepositoryPaths.Root, Output)}"], CancellationToken.None);

        Assert.True(exitCode == 0, _stderr.ToString());
        Assert.True(File.Exists(Path.Combine(Output, TeamsAppPackager.PackageFileName)));
    }

    [Fact]
    public async Task RunAsync_EmptyOutputOption_IsRefused()
    {
        var command = new TeamsAppPackageCommand(
            TeamsAppSettingsTests.Configuration(TeamsAppSettingsTests.Complete()), HostContentRoot, TimeProvider.System, _stdout, _stderr);

        var exitCode = await command.RunAsync([TeamsAppPackageCommand.Verb, "--output="], CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("--output needs a folder", _stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static string HostContentRoot => Path.Combine(RepositoryPaths.Root, "src", "KaizalaBot");

    private string Output => Path.Combine(_temp.Path, "out");

    private Task<int> RunAsync(Dictionary<string, string?> values)
    {
        var command = new TeamsAppPackageCommand(
            TeamsAppSettingsTests.Configuration(values), HostContentRoot, TimeProvider.System, _stdout, _stderr);
        return command.RunAsync([TeamsAppPackageCommand.Verb, "--output", Output], CancellationToken.None);
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
