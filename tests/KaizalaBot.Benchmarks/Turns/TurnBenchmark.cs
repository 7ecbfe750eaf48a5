using System.Runtime.InteropServices;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// The <c>turns</c> mode (issue 13, performance item 1): turns through the real <c>/api/messages</c> of the bot running
/// as its own process (Development, so no auth; this build's configuration), replies going to a loopback connector in
/// this process, against a floor (a bare ASP.NET Core endpoint, also its own process) measured under the same load in
/// alternating rounds. Prints every figure with its ratio to that floor, the targets and the memory soak; exits 1 when
/// a turn failed or memory did not stay flat (a missed speed target is printed, not an exit code: it depends on the
/// machine's load, which docs/performance.md reports with the figures).
/// </summary>
internal static class TurnBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = TurnSettings.Parse(args);
        // Ctrl+C or a SIGTERM stops the run cleanly, so that the processes it started are stopped with it.
        using var cancel = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            cancel.Cancel();
        }

        var report = await TurnRun.RunAsync(settings, Console.Out, cancel.Token);
        return report.Passed ? 0 : 1;
    }
}
