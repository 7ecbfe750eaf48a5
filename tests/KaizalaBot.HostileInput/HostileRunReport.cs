using System.Globalization;
using System.Text;

namespace KaizalaBot.HostileInput;

/// <summary>What a run saw, and whether it passed.</summary>
public sealed record HostileRunReport
{
    public required HostileRunSettings Settings { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>Status code (0 = connection closed without an answer) counts per case family.</summary>
    public required IReadOnlyDictionary<CaseKind, IReadOnlyDictionary<int, int>> Statuses { get; init; }

    /// <summary>5xx answers other than the documented 501 to an invoke the bot does not implement.</summary>
    public required IReadOnlyList<string> ServerErrors { get; init; }

    /// <summary>Forged card clicks answered other than documented (200; or 400 to an invoke whose data does not fit).</summary>
    public required IReadOnlyList<string> UndocumentedAnswers { get; init; }

    /// <summary>Migration dialogs under way when the requests began (their first card seen at the sink).</summary>
    public int DialogsOpened { get; init; }

    public int PartnerCenterTokenRequests { get; init; }

    /// <summary>Reads the bot sent to the Partner Center sink (each answered 404): checks of forged ids.</summary>
    public int PartnerCenterReads { get; init; }

    /// <summary>Writes (buy, move a licence, suspend) a request made the bot attempt: each fails the run.</summary>
    public IReadOnlyList<string> PartnerCenterWrites { get; init; } = [];

    /// <summary>Answers whose body looks like exception text, a stack trace or an error page.</summary>
    public required IReadOnlyList<string> ExceptionTextResponses { get; init; }

    public required IReadOnlyList<string> TimedOut { get; init; }

    /// <summary>
    /// Connections the server closed (or reset) before the client read an answer: what Kestrel does when it refuses a
    /// request whose body the client is still sending. Not a failure, but listed so that a change shows.
    /// </summary>
    public required IReadOnlyList<string> ClosedWithoutAnswer { get; init; }

    public required int ValidTurnsSent { get; init; }

    public required IReadOnlyList<string> ValidTurnsUnanswered { get; init; }

    public required int SinkConnections { get; init; }

    public required int AllowedElsewhereConnections { get; init; }

    public required IReadOnlyList<string> DisallowedConnections { get; init; }

    /// <summary>Requests at the sink whose path is not exactly a connector path built from escaped ids.</summary>
    public required IReadOnlyList<string> BentPaths { get; init; }

    /// <summary>Error logs whose exception is not a connector failure: our code failing on a client's input.</summary>
    public required IReadOnlyList<string> UnexpectedErrorLogs { get; init; }

    public required IReadOnlyDictionary<string, int> WarningAndErrorLogs { get; init; }

    public required (long Start, long Peak, long End) RssBytes { get; init; }

    public required (int Start, int Peak, int End) Threads { get; init; }

    public bool Passed =>
        ServerErrors.Count == 0 && UndocumentedAnswers.Count == 0 && PartnerCenterWrites.Count == 0 && ExceptionTextResponses.Count == 0 && TimedOut.Count == 0 && ValidTurnsUnanswered.Count == 0
        && DisallowedConnections.Count == 0 && BentPaths.Count == 0 && UnexpectedErrorLogs.Count == 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Hostile-input run: {Statuses.Values.Sum(s => s.Values.Sum())} requests, seed {Settings.Seed}, concurrency {Settings.Concurrency}, {Duration.TotalSeconds:F1} s");
        text.AppendLine("Statuses by family (0 = closed without an answer):");
        foreach (var (kind, statuses) in Statuses.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal))
        {
            var line = string.Join("  ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-18} {line}");
        }

        Line(text, "5xx (other than 501 to an unknown invoke)", ServerErrors);
        Line(text, "Card clicks answered other than documented", UndocumentedAnswers);
        Line(text, "Responses with exception text", ExceptionTextResponses);
        Line(text, "Timeouts", TimedOut);
        Line(text, "Closed without an answer (not a failure)", ClosedWithoutAnswer);
        text.AppendLine(CultureInfo.InvariantCulture, $"Valid turns answered: {ValidTurnsSent - ValidTurnsUnanswered.Count} of {ValidTurnsSent}");
        Line(text, "Valid turns unanswered", ValidTurnsUnanswered);
        text.AppendLine(CultureInfo.InvariantCulture, $"Outbound connections: {SinkConnections} to the sink, {AllowedElsewhereConnections} to other allowed hosts (blocked by the harness), {DisallowedConnections.Count} to disallowed hosts");
        Line(text, "Disallowed outbound targets", DisallowedConnections);
        text.AppendLine(CultureInfo.InvariantCulture, $"Migration dialogs under way at the start: {DialogsOpened}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Partner Center (the harness's sink): {PartnerCenterTokenRequests} token requests, {PartnerCenterReads} reads");
        Line(text, "Partner Center writes attempted", PartnerCenterWrites);
        Line(text, "Sink requests off the connector paths", BentPaths);
        Line(text, "Error logs of our own failing on input", UnexpectedErrorLogs);
        text.AppendLine("Warning and Error logs by category and level:");
        foreach (var (key, count) in WarningAndErrorLogs.OrderByDescending(l => l.Value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {count,7}  {key}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"RSS MB: start {Mb(RssBytes.Start)}, peak {Mb(RssBytes.Peak)}, end {Mb(RssBytes.End)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Threads: start {Threads.Start}, peak {Threads.Peak}, end {Threads.End}");
        text.AppendLine(Passed ? "PASSED" : "FAILED");
        return text.ToString();
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string title, IReadOnlyList<string> items)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: {items.Count}");
        foreach (var item in items.Take(10))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {item}");
        }
    }
}
