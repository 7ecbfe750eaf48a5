using KaizalaBot.HostileInput;

namespace KaizalaBot.Tests.HostileInput;

/// <summary>
/// The short run of the hostile-input harness, on every build: about 1,500 seeded requests (malformed JSON, wrong types,
/// huge and deep bodies, odd Unicode, hostile serviceUrls and ids, broken framing, card actions, mention bombs, forged
/// clicks on every card verb with and without a migration dialog under way), one in four a valid turn, against the real
/// bot on loopback Kestrel, Partner Center a recording sink. The long run is the same command with more requests.
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
        Assert.True(report.UndocumentedAnswers.Count == 0, summary);
        Assert.True(report.PartnerCenterWrites.Count == 0, summary);

        // The run really exercised what it claims to: every family, the connector's connections seen by the monitor
        // (so "no disallowed connection" is not the silence of a broken probe), and each refusal the edge documents.
        Assert.Equal(Enum.GetValues<CaseKind>().Order(), report.Statuses.Keys.Order());
        Assert.True(report.ValidTurnsSent >= HostileRunSettings.ShortRun.Requests / 4, summary);
        Assert.True(report.SinkConnections > 0 && report.AllowedElsewhereConnections > 0, summary);

        // Forged clicks met live dialogs, and the Partner Center sink saw the bot check forged ids (so "no write" is not
        // the silence of a bot that never reached it).
        Assert.Equal(HostileRun.DialogConversations, report.DialogsOpened);
        Assert.True(report.PartnerCenterReads > 0, summary);
        Assert.All([CaseKind.CardPayload, CaseKind.DialogCardPayload], kind => Assert.Contains(200, report.Statuses[kind].Keys));
        Assert.Contains(400, report.Statuses[CaseKind.CardPayload].Keys);
        var answered = report.Statuses.Values.SelectMany(s => s.Keys).ToHashSet();
        Assert.Superset(new HashSet<int> { 200, 400, 401, 405, 408, 413, 431, 501 }, answered);
        Assert.True(report.Passed, summary);
    }
}
