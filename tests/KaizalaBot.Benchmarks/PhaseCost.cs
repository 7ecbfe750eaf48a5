namespace KaizalaBot.Benchmarks;

/// <summary>What one phase of the migration benchmark took: wall time, Partner Center calls, of which about one user.</summary>
internal sealed record PhaseCost(TimeSpan Wall, int Calls, int UserCalls);
