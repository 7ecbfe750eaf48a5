namespace KaizalaBot.Benchmarks.Turns;

/// <summary>One cell of the matrix: the bot on one storage, and the floor measured just before it under the same load.</summary>
internal sealed record ResultRow(string Scenario, int Sellers, string Storage, Measurement Floor, Measurement Bot)
{
    public double CpuRatio => Bot.CpuPerTurnMicroseconds / Floor.CpuPerTurnMicroseconds;

    public double P99Ratio => Bot.P99 / Floor.P99;
}
