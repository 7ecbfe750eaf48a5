using System.Text.Json;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>The walks the turn benchmark knows, by name.</summary>
internal static class ScenarioCatalog
{
    /// <summary>One turn: <c>help</c> (or <c>aide</c>), answered with the help card.</summary>
    public static Scenario Help { get; } = new("help", [new SayStep("help", "aide")], IsHelpCard);

    /// <summary>A new seller installs the app (welcome card) and clicks its Help button (Action.Submit): the help card.</summary>
    public static Scenario Welcome { get; } = new(
        "welcome", [new InstallStep(), new ClickStep(Verb: null, CardActionStyle.Submit)], IsHelpCard, NewUserPerWalk: true);

    public static IReadOnlyList<Scenario> All { get; } = [Help, Welcome];

    public static Scenario Named(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scenario '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}.");

    // The help card is the one with the command list (a FactSet).
    private static bool IsHelpCard(JsonElement? card) =>
        card?.GetRawText().Contains("\"FactSet\"", StringComparison.Ordinal) == true;
}
