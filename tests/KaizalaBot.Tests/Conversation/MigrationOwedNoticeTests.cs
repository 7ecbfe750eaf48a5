using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;
using KaizalaBot.Storage;
using KaizalaBot.Testing;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// The end of a migration owed to its seller is shown by a running instance, not only by the next start: another
/// instance finished the migration and died before showing its card and summary (the card queue is in memory), which
/// the two-instance short run met as a progress card left stale.
/// </summary>
public sealed class MigrationOwedNoticeTests : IAsyncLifetime
{
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync(
        hostSettings: new Dictionary<string, string?> { ["Conversation:NoticeRetryInterval"] = "00:00:01", ["Conversation:PostClaimLifetime"] = "00:01:00" });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task NoticeOwed_SummaryNeverSent_RunningHostShowsCardAndSummaryOnceThenClearsIt()
    {
        var (seller, cardMessage, confirmedAt, migrationId) = await MigrateAndShowEndAsync(skip: 0);
        var store = _world.Host.Services.GetRequiredService<MigrationStore>();

        // What a host that died right after finishing leaves behind: the notice owed, nothing claimed or shown.
        await _world.Storage.DeleteAsync(MigrationCardPublisher.KeyPrefix + migrationId, WriteCondition.Unconditional, CancellationToken.None);
        var diedAt = _world.Connector.Requests.Count;
        await store.MarkNoticeOwedAsync(migrationId, CancellationToken.None);

        var summary = await seller.WaitForCardAsync(diedAt, c => c.ActivityId != cardMessage && c.Text.Contains(migrationId, StringComparison.Ordinal), "the owed summary");
        Assert.Contains("Completed", summary.Text, StringComparison.Ordinal);
        var shown = seller.CardsSince(diedAt);
        Assert.Equal(cardMessage, shown[0].ActivityId);
        Assert.Contains("Completed", shown[0].Text, StringComparison.Ordinal);
        await UntilAsync(async () => !await OwedAsync(store, migrationId), "the owed notice to be cleared once shown");

        // Owed again although summarised (a host that died after posting it, before clearing the notice): cleared, and
        // nothing is redrawn or posted after the summary, which stays the chat's last message.
        var summarisedAt = _world.Connector.Requests.Count;
        await store.MarkNoticeOwedAsync(migrationId, CancellationToken.None);
        await UntilAsync(async () => !await OwedAsync(store, migrationId), "a notice already shown to be cleared");
        Assert.Empty(seller.CardsSince(summarisedAt));
        Assert.Equal(2, seller.CardsSince(confirmedAt).Count(c => c.ActivityId != cardMessage && c.Text.Contains(migrationId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SummaryClaimed_LiveInstanceLeftAlone_DeadInstancesClaimLapses_PostedOnceBySomeoneElse()
    {
        var (seller, cardMessage, _, migrationId) = await MigrateAndShowEndAsync(skip: 1);
        bool IsSummary(ShownCard c) => c.ActivityId != cardMessage && c.Text.Contains(migrationId, StringComparison.Ordinal);
        var store = _world.Host.Services.GetRequiredService<MigrationStore>();
        var publisher = _world.Host.Services.GetRequiredService<MigrationCardPublisher>();
        var time = _world.Host.Services.GetRequiredService<TimeProvider>();
        var job = new MigrationCardJob(MigrationCardJobKind.Finished, migrationId);

        // Another instance claimed the summary a moment ago and is sending it: neither the card nor the summary is
        // drawn here, and the notice stays owed in case that instance dies.
        await SetSummaryClaimAsync(migrationId, time.GetUtcNow(), time);
        var claimedAt = _world.Connector.Requests.Count;
        await store.MarkNoticeOwedAsync(migrationId, CancellationToken.None);
        await publisher.PublishAsync(job, CancellationToken.None);
        Assert.Empty(seller.CardsSince(claimedAt));
        Assert.True(await OwedAsync(store, migrationId));

        // It died between its claim and its send: once the claim is older than Conversation:PostClaimLifetime, the
        // summary is posted by whoever shows the owed end next (this call or the host's loop, never both), and marked.
        await SetSummaryClaimAsync(migrationId, time.GetUtcNow() - TimeSpan.FromMinutes(2), time);
        await publisher.PublishAsync(job, CancellationToken.None);
        var summary = await seller.WaitForCardAsync(claimedAt, IsSummary, "the summary the dead instance never sent");
        Assert.Contains("Completed", summary.Text, StringComparison.Ordinal);
        await UntilAsync(async () => !await OwedAsync(store, migrationId), "the owed notice to be cleared once the summary is posted");
        var shown = (await _world.Storage.ReadAsync<MigrationCardState>(MigrationCardPublisher.KeyPrefix + migrationId, BotJson.Options, CancellationToken.None))!.Value;
        Assert.Contains("summary", shown.Posted);
        Assert.Empty(shown.Sending);

        // Shown again (a sweep at start, a late notice): settled, nothing posted.
        await publisher.PublishAsync(job, CancellationToken.None);
        Assert.Single(seller.CardsSince(claimedAt), IsSummary);
    }

    // A small customer migrated to the end by a seller, its card and summary shown and its owed notice cleared by the
    // instance that ran it: the seller, the card's message, the connector count before the confirm, the migration.
    private async Task<(ConversationDriver Seller, string CardMessage, int ConfirmedAt, string MigrationId)> MigrateAndShowEndAsync(int skip)
    {
        var customer = await _world.SmallKaizalaCustomerAsync(skip);
        var seller = new ConversationDriver(_world, CardStyle.Execute);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToReviewAsync(seller, customer, "en-US");
        var cardMessage = seller.Current!.ActivityId;
        var confirmedAt = _world.Connector.Requests.Count;
        await seller.ClickAsync(CardVerbs.Confirm);
        var migrationId = MigrationWalkThrough.MigrationIdOf(seller.Current!);
        await seller.WaitForCardAsync(confirmedAt, c => c.ActivityId != cardMessage && c.Text.Contains(migrationId, StringComparison.Ordinal), "the summary");
        var store = _world.Host.Services.GetRequiredService<MigrationStore>();
        await UntilAsync(async () => !await OwedAsync(store, migrationId), "the notice shown by the instance that ended the migration to be cleared");
        return (seller, cardMessage, confirmedAt, migrationId);
    }

    // What an instance leaves in migration-cards/{id} when it has claimed the summary and not yet said whether it went out.
    private async Task SetSummaryClaimAsync(string migrationId, DateTimeOffset at, TimeProvider time) =>
        await _world.Storage.UpdateAsync<MigrationCardState>(
            MigrationCardPublisher.KeyPrefix + migrationId,
            s => (s ?? new MigrationCardState()) with { Posted = [.. (s?.Posted ?? []).Where(k => k != "summary")], Sending = [new PostClaim("summary", at)] },
            BotJson.Options, time, CancellationToken.None);

    private static async Task<bool> OwedAsync(MigrationStore store, string migrationId)
    {
        await foreach (var notice in store.ListNoticesOwedAsync(CancellationToken.None))
        {
            if (notice.Id == migrationId)
            {
                return true;
            }
        }

        return false;
    }

    // The notice is cleared by the host's own loop, which says nothing the test could wait on: look again, bounded.
    private static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Waits.DefaultLimit;
        while (!await done())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Waited {Waits.DefaultLimit} of real time for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
