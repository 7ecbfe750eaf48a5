using System.Text.Json;
using KaizalaBot.Testing.Cards;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>The walks the turn benchmark knows, by name.</summary>
internal static class ScenarioCatalog
{
    /// <summary>One turn: <c>help</c> (or <c>aide</c>), answered with the help card.</summary>
    public static Scenario Help { get; } = new("help", [new SayStep("help", "aide")], IsHelpCard);

    /// <summary>A new seller installs the app (welcome card) and clicks its Help button (Action.Submit): the help card.</summary>
    public static Scenario Welcome { get; } = new(
        "welcome", [new InstallStep(), new ClickStep(Verb: null, CardActionStyle.Submit)], IsHelpCard, NewUserPerWalk: true);

    /// <summary>
    /// The migration dialog (issue 10) up to its review card, every click by <paramref name="style"/>: <c>migrate</c> with the
    /// domain of a customer that can be migrated, taken walk by walk from the seller's own customers (<see cref="CustomerChoice"/>).
    /// </summary>
    public static Scenario Migrate(CardActionStyle style)
    {
        var customers = new CustomerChoice("migrate.customer", style);
        return new(
            style == CardActionStyle.Execute ? "migrate-execute" : "migrate-submit",
            [
                new SearchStep(customers),
                new ClickStep(customers.Verb, style, customers),
                new ClickStep("migrate.subscription", style),
                new ClickStep("migrate.plan", style),
                new ClickStep("migrate.count", style),
                new ClickStep("migrate.continue", style),
            ],
            card => card is { } shown && CardClick.Find(shown, "migrate.confirm", style) is not null,
            Customers: customers);
    }

    /// <summary>What a run measures unless told otherwise.</summary>
    public static IReadOnlyList<Scenario> Defaults => All();

    /// <summary>What the short run measures: one migration walk (by invokes, Teams' current way) besides help and welcome.</summary>
    public static IReadOnlyList<Scenario> ShortRun => [Help, Welcome, Migrate(CardActionStyle.Execute)];

    /// <summary>Every walk, new each time: a migration walk learns its customers from the bot of one run.</summary>
    public static IReadOnlyList<Scenario> All() => [Help, Welcome, Migrate(CardActionStyle.Submit), Migrate(CardActionStyle.Execute)];

    public static Scenario Named(string name) =>
        All().FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scenario '{name}'; known: {string.Join(", ", All().Select(s => s.Name))}.");

    // The help card is the one with the command list (a FactSet).
    private static bool IsHelpCard(JsonElement? card) =>
        card?.GetRawText().Contains("\"FactSet\"", StringComparison.Ordinal) == true;
}
