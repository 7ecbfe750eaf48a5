namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// What a process's runtime reported over one measured run: bytes allocated, collections, and how long the runtime held
/// every managed thread still for them (from suspending the threads to restarting them): the time no turn can progress.
/// </summary>
internal sealed record GcFigures(long AllocatedBytes, int Collections, double PauseMilliseconds, double MaxPauseMilliseconds)
{
    public static GcFigures None { get; } = new(0, 0, 0, 0);
}
