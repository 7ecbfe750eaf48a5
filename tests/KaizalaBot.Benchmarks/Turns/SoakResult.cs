namespace KaizalaBot.Benchmarks.Turns;

/// <summary>The memory soak: after each chunk of turns, the managed heap and RSS once a full GC has run.</summary>
internal sealed record SoakResult(IReadOnlyList<SoakSample> Samples, int Errors, bool Flat)
{
    public bool Met => Flat && Errors == 0;
}
