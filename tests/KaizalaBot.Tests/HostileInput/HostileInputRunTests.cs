using KaizalaBot.HostileInput;

namespace KaizalaBot.Tests.HostileInput;

/// <summary>
/// The short run of the hostile-input harness, on every build: about 1,500 seeded requests (malformed JSON, wrong types,
/// huge and deep bodies, odd Unicode, hostile serviceUrls and ids, broken framing, card actions, mention bombs), one in
/// four a valid turn, against the real bot on loopback Kestrel. The long run is the same command with more requests.
/// </summary>
public sealed class HostileInputRunTests
{
    [Fact]
    public async Task ShortRun_HostileRequestsAmongValidTurns_NoServerErrorNoLeakNoDisallowedCallAndEveryValidTurnAnswered()
    {
        var report = await HostileRun.RunAsync(HostileRunSettings.ShortRun, progress: null, CancellationToken.None);

        // The report in the failure message says which request did what.
        var summary = report.ToString();
        Assert.True(report.ServerErrors.Count == 0, summary);
        Assert.True(report.ExceptionTextResponses.Count == 0, summary);
        Assert.True(report.TimedOut.Count == 0, summary);
        Assert.True(report.DisallowedConnections.Count == 0, summary);
        Assert.True(report.ValidTurnsUnanswered.Count == 0, summary);
        Assert.True(report.BentPaths.Count == 0, summary);
        Assert.True(report.UnexpectedErrorLogs.Count == 0, summary);

        // The run really exercised what it claims to: every family, the connector's connections seen by the monitor
        // (so "no disallowed connection" is not the silence of a broken probe), and each refusal the edge documents.
        Assert.Equal(Enum.GetValues<CaseKind>().Order(), report.Statuses.Keys.Order());
        Assert.True(report.ValidTurnsSent >= HostileRunSettings.ShortRun.Requests / 4, summary);
        Assert.True(report.SinkConnections > 0 && report.AllowedElsewhereConnections > 0, summary);
        var answered = report.Statuses.Values.SelectMany(s => s.Keys).ToHashSet();
        Assert.Superset(new HashSet<int> { 200, 400, 401, 405, 408, 413, 431, 501 }, answered);
        Assert.True(report.Passed, summary);
    }
}
