using System.Globalization;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// What Linux says about another process, read from <c>/proc</c>: its CPU time (user + system, as <c>top</c> counts
/// it, all threads), its resident memory and the peak of it. Only the measured process is counted this way, never the
/// load generator that reads it.
/// </summary>
internal static class ProcFs
{
    // The kernel's USER_HZ: the unit of utime and stime; 100 on every Linux the benchmark supports.
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU time of <paramref name="pid"/> so far (10 ms resolution).</summary>
    public static TimeSpan CpuTime(int pid) => ParseCpuTime(File.ReadAllText($"/proc/{pid}/stat"));

    /// <summary>Current resident set size, bytes.</summary>
    public static long Rss(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>Peak resident set size since start or since the last <see cref="ResetPeakRss"/>, bytes.</summary>
    public static long PeakRss(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    /// <summary>
    /// Starts a new peak from the current RSS (<c>echo 5 &gt; /proc/pid/clear_refs</c>), so each measurement reports its
    /// own peak; false where the kernel or permissions refuse, and the peak then runs from the process start.
    /// </summary>
    public static bool ResetPeakRss(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Fields 14 and 15 of <c>/proc/pid/stat</c>; the name in field 2 may hold spaces and parentheses, so count from the last ')'.</summary>
    internal static TimeSpan ParseCpuTime(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12].
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static long StatusKilobytes(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no {field} line.");
    }
}
