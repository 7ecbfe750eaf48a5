using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Tests.Cards;

/// <summary>
/// Approved card JSON lives in <c>Cards/Snapshots/*.json</c> next to this file. A change shows as a failing test
/// with both versions; re-approve deliberately with <c>KAIZALABOT_APPROVE_SNAPSHOTS=1 dotnet test</c> and review the diff.
/// </summary>
internal static class CardSnapshots
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void AssertMatches(string name, JsonNode actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots", name + ".json");
        var actualText = actual.ToJsonString(Pretty) + "\n";

        if (Environment.GetEnvironmentVariable("KAIZALABOT_APPROVE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actualText);
        }

        Assert.True(File.Exists(path), $"No approved snapshot {path}. Run with KAIZALABOT_APPROVE_SNAPSHOTS=1 and review it.");
        var approved = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(
            JsonNode.DeepEquals(approved, actual),
            $"Card {name} differs from its approved snapshot {path}.\nActual:\n{actualText}");
    }
}
