namespace KaizalaBot.Benchmarks.Turns;

/// <summary>Everything one turn benchmark run measured.</summary>
internal sealed record TurnReport(IReadOnlyList<ResultRow> Rows, SoakResult? Soak)
{
    /// <summary>Every turn answered as the walk expected, and memory flat when the soak ran.</summary>
    public bool Passed => Rows.All(r => r.Bot.Errors == 0 && r.Floor.Errors == 0) && Soak?.Met != false;
}
