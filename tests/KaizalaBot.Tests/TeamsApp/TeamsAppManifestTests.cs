using System.Text.Json.Nodes;
using KaizalaBot.TeamsApp;
using static KaizalaBot.Tests.TeamsApp.TeamsAppFiles;

namespace KaizalaBot.Tests.TeamsApp;

/// <summary>
/// <c>manifest/manifest.json</c> and <c>fr.json</c> pass the Teams schemas that <c>@microsoft/app-manifest</c> bundles,
/// offline, with <c>const</c> and formats enforced — and the validator demonstrably rejects what Teams would reject.
/// </summary>
public sealed class TeamsAppManifestTests
{
    [Fact]
    public async Task CommittedManifestAndFrenchFile_PassTheBundledSchemas()
    {
        var result = (await Validator().ValidateAsync([Package("committed", Manifest(), French())], CancellationToken.None))[0];

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal("1.30", result.ManifestVersion);
    }

    [Fact]
    public async Task Validator_BrokenPackages_ReportsEachProblem()
    {
        (string Name, TeamsAppPackageFiles Package, string File, string Path, string Message)[] cases =
        [
            ("const", Package("const", Change(Manifest(), m => m["manifestVersion"] = "1.29"), French()),
                "manifest.json", "/manifestVersion", "must be equal to constant"),
            ("format", Package("format", Manifest(), Change(French(), f => f["$schema"] = "not a uri")),
                "fr.json", "/$schema", "must match format \"uri\""),
            ("scope", Package("scope", Change(Manifest(), m => m["bots"]![0]!["scopes"]!.AsArray().Add("meetings")), French()),
                "manifest.json", "/bots/0/scopes/2", "must be equal to one of the allowed values"),
            ("id", Package("id", Change(Manifest(), m => m["id"] = "kaizalabot"), French()),
                "manifest.json", "/id", "must match pattern"),
            ("name", Package("name", Change(Manifest(), m => m["name"]!["short"] = new string('K', 31)), French()),
                "manifest.json", "/name/short", "must NOT have more than 30 characters"),
            ("unknownKey", Package("unknownKey", Manifest(), Change(French(), f => f["bots[0].commandLists[0].commands[12].title"] = "x")),
                "fr.json", "/", "must NOT have additional properties"),
            ("requiredKey", Package("requiredKey", Manifest(), Change(French(), f => f.Remove("description.full"))),
                "fr.json", "/", "must have required property 'description.full'"),
            ("missingFile", new TeamsAppPackageFiles("missingFile", new Dictionary<string, JsonNode> { ["manifest.json"] = Manifest() }),
                "fr.json", "/", "referenced by localizationInfo but not in the package"),
        ];

        var results = await Validator().ValidateAsync([.. cases.Select(c => c.Package)], CancellationToken.None);

        Assert.All(cases.Zip(results), pair =>
        {
            var (expected, result) = pair;
            Assert.Equal(expected.Name, result.Name);
            Assert.Contains(result.Errors, e => e.File == expected.File && e.Path == expected.Path && e.Message.Contains(expected.Message, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Manifest_Bot_ServesPersonalAndTeamScopesWithACommandListForEach()
    {
        var bot = Manifest()["bots"]!.AsArray().Single()!;

        Assert.Equal(["personal", "team"], Strings(bot["scopes"]).Order());
        var listScopes = bot["commandLists"]!.AsArray().Select(list => string.Join(",", Strings(list!["scopes"]))).Order();
        Assert.Equal(["personal", "team"], listScopes);
    }

    [Fact]
    public void Manifest_LocalizationInfo_DeclaresEnglishAndFrenchForEveryFrenchLocale()
    {
        var info = Manifest()["localizationInfo"]!;

        Assert.Equal("en-us", (string?)info["defaultLanguageTag"]);
        var french = Assert.Single(info["additionalLanguages"]!.AsArray())!;
        Assert.Equal("fr", (string?)french["languageTag"]);   // "fr" rather than "fr-fr": Teams falls back to it from fr-CA, fr-BE…
        Assert.Equal("fr.json", (string?)french["file"]);
    }

    [Fact]
    public void Manifest_Committed_HoldsPlaceholdersWhereEachDeploymentFillsIn()
    {
        var manifest = Manifest();

        Assert.Equal(Guid.Empty.ToString(), (string?)manifest["id"]);
        Assert.Equal(Guid.Empty.ToString(), (string?)manifest["bots"]![0]!["botId"]);
        Assert.All(Strings(manifest["validDomains"]), domain => Assert.EndsWith(".example.com", domain, StringComparison.Ordinal));
        Assert.All(new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" }, key =>
            Assert.Equal("www.example.com", new Uri((string)manifest["developer"]![key]!).Host));
    }

    private static JsonObject Change(JsonObject document, Action<JsonObject> change)
    {
        change(document);
        return document;
    }

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(item => (string)item!);
}
