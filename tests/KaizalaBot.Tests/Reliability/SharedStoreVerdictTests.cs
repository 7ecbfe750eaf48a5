using KaizalaBot.Reliability;

namespace KaizalaBot.Tests.Reliability;

/// <summary>
/// What the shared-store harness counts, on recorded exchanges and walks: a reminder shown in two messages, missing, or a
/// header left without its digest fails the run, and so does a burst with two clicks taken (a lost update) or none.
/// </summary>
public sealed class SharedStoreVerdictTests
{
    private const string Chat = "a:shared-store-0";
    private const string Header = "Kaizala Pro expiry reminders";
    private static readonly DueReminder[] Due = [new("c-1", "SUB-A", "lead-7"), new("c-2", "SUB-B", "expired")];
    private static readonly string[] Ledger = ["seller/t/u0/sub-a/lead-7", "seller/t/u0/sub-b/expired"];

    [Fact]
    public void Count_OneDigestShowingEveryDueReminder_IsClean()
    {
        var tally = Tally([HeaderPost(1), DigestPut(1, "SUB-A", "SUB-B")], Ledger);

        Assert.True(tally.Clean, tally.ToString());
        Assert.Equal((2, 2, 0, 0), (tally.Expected, tally.ShownOnce, tally.Missing, tally.ShownTwice));
    }

    [Fact]
    public void Count_ReminderInASecondDigest_IsShownTwice()
    {
        var tally = Tally([HeaderPost(1), DigestPut(1, "SUB-A", "SUB-B"), HeaderPost(3), DigestPut(3, "SUB-A")], Ledger);

        Assert.False(tally.Clean);
        Assert.Equal((1, 1), (tally.ShownOnce, tally.ShownTwice));
    }

    [Fact]
    public void Count_DigestRedrawnInTheSameMessage_IsNoDuplicate()
    {
        var tally = Tally([HeaderPost(1), DigestPut(1, "SUB-A", "SUB-B"), DigestPut(1, "SUB-A", "SUB-B")], Ledger);

        Assert.True(tally.Clean, tally.ToString());
        Assert.Equal(1, tally.RepeatedUpdates);
    }

    [Fact]
    public void Count_HeaderNeverReplacedAndAReminderNeverShown_AreCounted()
    {
        var tally = Tally([HeaderPost(1), DigestPut(1, "SUB-A"), HeaderPost(3)], Ledger);

        Assert.False(tally.Clean);
        Assert.Equal((1, 1, 1), (tally.ShownOnce, tally.Missing, tally.HeadersWithoutDigest));
    }

    [Fact]
    public void Count_DigestRefusedByTheConnector_DoesNotCountAsShown()
    {
        var tally = Tally([HeaderPost(1), DigestPut(1, "SUB-A", "SUB-B") with { Status = 503 }], Ledger);

        Assert.False(tally.Clean);
        Assert.Equal((0, 2, 1), (tally.ShownOnce, tally.Missing, tally.HeadersWithoutDigest));
    }

    [Fact]
    public void Count_LedgerMissingOneAndHoldingAnotherNotDue_IsNotClean()
    {
        var tally = Tally([HeaderPost(1), DigestPut(1, "SUB-A", "SUB-B")], ["seller/t/u0/sub-a/lead-7", "seller/t/u0/sub-a/lead-14"]);

        Assert.False(tally.Clean);
        Assert.Equal((1, 1), (tally.LedgerMatching, tally.LedgerUnexpected));
    }

    [Theory]
    [InlineData(1, 3, 0, true)]
    [InlineData(2, 2, 0, false)]   // two clicks on one card taken: one instance's save overwrote the other's
    [InlineData(0, 4, 0, false)]   // none taken: a click lost
    [InlineData(1, 2, 1, false)]   // one answered with an error
    public void BurstSerial_OnlyExactlyOneClickTakenAndTheRestStale(int accepted, int refused, int other, bool serial)
    {
        var walk = new WalkResult(null, accepted, refused, other, [1, 2, 1]);

        Assert.Equal(serial, walk.BurstSerial);
    }

    [Fact]
    public void Passed_OneBurstWithALostUpdate_Fails()
    {
        var settings = new SharedStoreSettings(Sellers: 1, Walks: 2, Burst: 4, ScanRounds: 1);
        var clean = Tally([HeaderPost(1), DigestPut(1, "SUB-A", "SUB-B")], Ledger);
        WalkResult[] walks = [new(null, 1, 3, 0, [1, 2]), new(null, 2, 2, 0, [2, 1])];

        var report = new SharedStoreReport(settings, walks, [10, 10], ConflictReRuns: 1, ErrorsLogged: 0, ScansAccepted: 4, ScansRefused: 0, clean, TimeSpan.FromSeconds(1));

        Assert.False(report.Passed);
        Assert.True(report with { Walks = [walks[0], walks[0]] } is { Passed: true });
    }

    private static ReminderTally Tally(IReadOnlyList<ChatExchange> exchanges, IReadOnlyList<string> ledger) =>
        ReminderTally.Count(exchanges, [Chat], Due, [Header], ledger);

    private static ChatExchange HeaderPost(int id) =>
        new("POST", $"/emea/v3/conversations/{Chat}/activities", $$"""{"type":"message","text":"{{Header}}"}""", 200, AnsweredId: $"activity-{id}");

    private static ChatExchange DigestPut(int id, params string[] subscriptions) =>
        new("PUT", $"/emea/v3/conversations/{Chat}/activities/activity-{id}",
            "{\"attachments\":[{\"content\":{\"actions\":[" + string.Join(",", subscriptions.Select(Action)) + "]}}]}", 200);

    private static string Action(string subscription) => "{\"data\":{\"subscriptionId\":\"" + subscription.ToLowerInvariant() + "\"}}";
}
