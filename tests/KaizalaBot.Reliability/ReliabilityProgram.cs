namespace KaizalaBot.Reliability;

/// <summary>
/// <c>dotnet run -c Release --project tests/KaizalaBot.Reliability -- crash --runs 100 --users 200 --lanes 6 --seed 20261130</c> (or
/// <c>-- faults --runs 10</c>, <c>-- soak --minutes 30</c>, <c>-- shared --sellers 16 --walks 10</c>): runs a reliability harness, prints its figures, exits 0 only when it passed. An explicit entry point: the host's generated
/// <c>Program</c> must stay the only one.
/// </summary>
internal static class ReliabilityProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["soak", .. var soakArgs])
        {
            var soak = await SoakRun.RunAsync(SoakSettings.Parse(soakArgs), Console.Out, CancellationToken.None);
            Console.WriteLine(soak);
            return soak.Passed ? 0 : 1;
        }

        if (args is ["shared", .. var sharedArgs])
        {
            var shared = await SharedStoreRun.RunAsync(SharedStoreSettings.Parse(sharedArgs), Console.Out, CancellationToken.None);
            Console.WriteLine(shared);
            return shared.Passed ? 0 : 1;
        }

        if (args is not [("crash" or "faults" or "instances") and var mode, .. var rest])
        {
            Console.Error.WriteLine("usage: crash|faults|instances [--runs N] [--users N] [--seed N] [--blob-every N] [--fault-percent N] [--lanes N] [--reminder-sellers N] [--lost-answers-every N] [--only N] [--bot-debug 1]" + Environment.NewLine + "       soak [--minutes N] [--warmup-seconds N] [--sample-seconds N] [--users N] [--scan-seconds N] [--sellers N] [--pause-ms N]" + Environment.NewLine + "       shared [--sellers N] [--walks N] [--burst N] [--scans N]");
            return 2;
        }

        var report = await CrashRun.RunAsync(CrashRunSettings.Parse(mode, rest), Console.Out, CancellationToken.None);
        Console.WriteLine(report);
        return report.Passed ? 0 : 1;
    }
}
