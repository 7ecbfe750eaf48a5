namespace KaizalaBot.HostileInput;

/// <summary>
/// <c>dotnet run -c Release --project tests/KaizalaBot.HostileInput -- --requests 10000 --seed 20260701 --concurrency 8</c>:
/// fires generated hostile requests, interleaved with valid turns, at the bot on loopback and prints the report; exit
/// code 0 only when it passed. An explicit entry point: the host's generated <c>Program</c> must stay the only one.
/// </summary>
internal static class HostileInputProgram
{
    public static async Task<int> Main(string[] args)
    {
        var settings = HostileRunSettings.Parse(args);
        Console.WriteLine($"KaizalaBot hostile-input run: {settings.Requests} requests, seed {settings.Seed}, concurrency {settings.Concurrency}");
        var report = await HostileRun.RunAsync(settings, Console.Out, CancellationToken.None);
        Console.WriteLine(report);
        return report.Passed ? 0 : 1;
    }
}
