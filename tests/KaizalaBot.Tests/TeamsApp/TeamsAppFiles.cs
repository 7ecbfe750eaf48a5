using System.Text.Json.Nodes;
using KaizalaBot.TeamsApp;
using KaizalaBot.Testing;
using KaizalaBot.Tooling;

namespace KaizalaBot.Tests.TeamsApp;

/// <summary>The committed <c>manifest/</c> folder, and the schema validator its pinned npm tools run.</summary>
internal static class TeamsAppFiles
{
    public static string Directory { get; } = Path.Combine(RepositoryPaths.Root, "manifest");

    public static TeamsAppSchemaValidator Validator() => new(new NpmToolFolder(Path.Combine(Directory, "tools"), TimeProvider.System));

    public static JsonObject Manifest() => Load("manifest.json");

    public static JsonObject French() => Load("fr.json");

    public static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file)))!.AsObject();

    public static TeamsAppPackageFiles Package(string name, JsonObject manifest, JsonObject french) =>
        new(name, new Dictionary<string, JsonNode> { ["manifest.json"] = manifest, ["fr.json"] = french });
}
