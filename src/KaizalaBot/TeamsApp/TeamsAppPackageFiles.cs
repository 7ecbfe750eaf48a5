using System.Text.Json.Nodes;

namespace KaizalaBot.TeamsApp;

/// <summary>The JSON files of one Teams app package (the manifest and its localisation files), keyed by their name in the zip.</summary>
public sealed record TeamsAppPackageFiles(string Name, IReadOnlyDictionary<string, JsonNode> Files);
