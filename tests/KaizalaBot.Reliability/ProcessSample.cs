using System.Globalization;

namespace KaizalaBot.Reliability;

/// <summary>
/// One reading of another process from <c>/proc/&lt;pid&gt;</c>: resident memory (<c>VmRSS</c>), threads (<c>Threads</c>) and
/// open file descriptors (the entries of <c>fd/</c>: sockets, files, pipes, epoll and timer handles alike).
/// </summary>
public sealed record ProcessSample(TimeSpan At, long RssBytes, int Threads, int Handles)
{
    public static ProcessSample Read(int processId, TimeSpan at)
    {
        var root = "/proc/" + processId.ToString(CultureInfo.InvariantCulture);
        long rss = -1;
        var threads = -1;
        foreach (var line in File.ReadLines(Path.Combine(root, "status")))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        if (rss < 0 || threads < 0)
        {
            throw new InvalidOperationException($"{root}/status has no VmRSS or Threads line: is process {processId} still running?");
        }

        return new ProcessSample(at, rss, threads, Directory.GetFileSystemEntries(Path.Combine(root, "fd")).Length);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{At.TotalSeconds,8:F0} {RssBytes / (1024.0 * 1024),9:F1} {Threads,7} {Handles,7}");
}
