using System.Text.Json.Nodes;
using KaizalaBot.TeamsApp;
using KaizalaBot.Testing;
using Microsoft.Extensions.Configuration;

namespace KaizalaBot.Tests.TeamsApp;

/// <summary>
/// The packager validates everything it would write before it writes, and a refused run leaves the previous package
/// untouched. Each test packs a copy of the committed <c>manifest/</c> folder with one thing broken.
/// </summary>
public sealed class TeamsAppPackagerTests : IDisposable
{
    private static readonly byte[] PreviousPackage = [0x50, 0x4B, 0x05, 0x06, 1, 2, 3];
    private readonly TempDirectory _temp = new();

    public TeamsAppPackagerTests()
    {
        Directory.CreateDirectory(ManifestCopy);
        foreach (var file in new[] { "manifest.json", "fr.json", "color.png", "outline.png" })
        {
            File.Copy(Path.Combine(TeamsAppFiles.Directory, file), Path.Combine(ManifestCopy, file));
        }

        Directory.CreateDirectory(Output);
        File.WriteAllBytes(Path.Combine(Output, TeamsAppPackager.PackageFileName), PreviousPackage);
    }

    private string ManifestCopy => Path.Combine(_temp.Path, "manifest");

    private string Output => Path.Combine(_temp.Path, "build");

    [Fact]
    public async Task PackAsync_CopiedManifest_ReplacesThePreviousPackage()
    {
        var package = await PackAsync();

        Assert.Equal(Path.Combine(Output, TeamsAppPackager.PackageFileName), package.Path);
        Assert.NotEqual(PreviousPackage, File.ReadAllBytes(package.Path));
        Assert.Equal([TeamsAppPackager.PackageFileName], Directory.GetFiles(Output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task PackAsync_SchemaViolation_IsRefusedWithTheErrorAndKeepsThePreviousPackage()
    {
        EditManifest(manifest => manifest["name"]!["short"] = "KaizalaBot for Contoso Cloud Partners");

        var refusal = await Assert.ThrowsAsync<TeamsAppPackageException>(PackAsync);

        Assert.Contains("manifest.json /name/short: must NOT have more than 30 characters", refusal.Message, StringComparison.Ordinal);
        AssertPreviousPackageKept();
    }

    [Fact]
    public async Task PackAsync_IconOfTheWrongSize_IsRefused()
    {
        File.Copy(Path.Combine(ManifestCopy, "outline.png"), Path.Combine(ManifestCopy, "color.png"), overwrite: true);

        var refusal = await Assert.ThrowsAsync<TeamsAppPackageException>(PackAsync);

        Assert.Equal("color.png must be a 192x192 PNG; it is 32x32.", refusal.Message);
        AssertPreviousPackageKept();
    }

    [Fact]
    public async Task PackAsync_IconThatIsNoPng_IsRefused()
    {
        File.WriteAllText(Path.Combine(ManifestCopy, "outline.png"), "<svg/>");

        var refusal = await Assert.ThrowsAsync<TeamsAppPackageException>(PackAsync);

        Assert.Equal("outline.png must be a 32x32 PNG; it is not a PNG.", refusal.Message);
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    public async Task PackAsync_FileOutsideTheManifestFolder_IsRefused(string file)
    {
        EditManifest(manifest => manifest["localizationInfo"]!["additionalLanguages"]![0]!["file"] = file);

        var refusal = await Assert.ThrowsAsync<TeamsAppPackageException>(PackAsync);

        Assert.Contains("must be plain file names", refusal.Message, StringComparison.Ordinal);
        AssertPreviousPackageKept();
    }

    [Fact]
    public async Task PackAsync_MissingLocalizationFile_IsRefused()
    {
        File.Delete(Path.Combine(ManifestCopy, "fr.json"));

        var refusal = await Assert.ThrowsAsync<TeamsAppPackageException>(PackAsync);

        Assert.StartsWith("fr.json is missing", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackAsync_ManifestThatIsNotJson_IsRefused()
    {
        File.WriteAllText(Path.Combine(ManifestCopy, "manifest.json"), "{ \"id\": ");

        var refusal = await Assert.ThrowsAsync<TeamsAppPackageException>(PackAsync);

        Assert.StartsWith("manifest.json is not valid JSON", refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private Task<TeamsAppPackage> PackAsync()
    {
        var settings = TeamsAppSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(TeamsAppSettingsTests.Complete()).Build());
        return new TeamsAppPackager(TeamsAppFiles.Validator()).PackAsync(settings, ManifestCopy, Output, CancellationToken.None);
    }

    private void EditManifest(Action<JsonObject> edit)
    {
        var path = Path.Combine(ManifestCopy, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    private void AssertPreviousPackageKept()
    {
        Assert.Equal(PreviousPackage, File.ReadAllBytes(Path.Combine(Output, TeamsAppPackager.PackageFileName)));
        Assert.Single(Directory.GetFiles(Output));   // no temporary file left behind either
    }
}
