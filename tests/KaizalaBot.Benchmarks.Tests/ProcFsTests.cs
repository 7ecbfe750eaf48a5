using KaizalaBot.Benchmarks.Turns;

namespace KaizalaBot.Benchmarks.Tests;

public sealed class ProcFsTests
{
    [Fact]
    public void ParseCpuTime_NameWithSpacesAndParentheses_AddsUtimeAndStime()
    {
        // Fields 14 (utime) and 15 (stime) are 250 and 50 ticks of 10 ms; the name is the one field that may hold ") (".
        const string Stat = "4242 (dotnet (bot) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 12 0 100 1000000 2000";

        Assert.Equal(TimeSpan.FromSeconds(3), ProcFs.ParseCpuTime(Stat));
    }

    [Fact]
    public void CpuTimeAndMemory_ThisProcess_ReadFromProc()
    {
        var pid = Environment.ProcessId;

        Assert.True(ProcFs.CpuTime(pid) > TimeSpan.Zero);
        Assert.True(ProcFs.Rss(pid) > 1024 * 1024);
        Assert.True(ProcFs.PeakRss(pid) >= ProcFs.Rss(pid) / 2);
    }
}
