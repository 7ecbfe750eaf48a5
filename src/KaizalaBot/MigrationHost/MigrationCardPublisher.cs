using System.Net;
using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.PartnerCenter;
using KaizalaBot.Proactive;
using KaizalaBot.Storage;
using Microsoft.Extensions.Options;

namespace KaizalaBot.MigrationHost;

/// <summary>
/// Shows a migration in Teams through proactive turns (the same pipeline, lock and rate limits as the seller's own
/// turns): the card updated in place (<c>PUT …/activities/{id}</c>, idempotent, so repeating it after a restart is
/// harmless), and once-only posts — the summary, the attention notice, approval requests, the approval — claimed in
/// <c>migration-cards/{id}</c> under an ETag before they are sent and marked delivered after, so none is posted twice
/// whatever the instances, and none is lost when the instance that claimed one dies before sending it: its claim lapses
/// after <see cref="ConversationOptions.PostClaimLifetime"/> and the owed notice brings the post to another instance.
/// </summary>
internal sealed partial class MigrationCardPublisher(
    CloudAdapter adapter, MigrationService migrations, MigrationStore store, MigrationCards cards, ApprovalCards approvals, BotTexts texts, IStorage storage,
    InstallationStore installations, SellerAuthorizer authorizer, ExpiryScanner scanner, IOptions<ConversationOptions> options, TimeProvider time,
    ILogger<MigrationCardPublisher> logger)
{
    public const string KeyPrefix = "migration-cards/";

    private const string SummaryPost = "summary";

    public async Task PublishAsync(MigrationCardJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        LogShowing(job.Kind, job.MigrationId);
        if (await migrations.GetAsync(job.MigrationId, cancellationToken) is not { } migration)
        {
            await SettleNoticeAsync(job, cancellationToken);
            return;
        }

        if (ReferenceOf(migration) is not { } seller)
        {
            LogNoConversation(migration.Id);
            await SettleNoticeAsync(job, cancellationToken);
            return;
        }

        var text = texts.ForLocale(migration.Language);
        var customer = migration.CustomerName ?? migration.CustomerId;
        switch (job.Kind)
        {
            case MigrationCardJobKind.Progress:
                await ShowCardAsync(migration, seller, text, job.Progress is { } p && p.Migration.State == migration.State ? p : null, cancellationToken);
                break;
            case MigrationCardJobKind.Attention:
                await ShowCardAsync(migration, seller, text, null, cancellationToken);
                if (await PostOnceAsync(migration.Id, seller, $"attention:{migration.UpdatedAt.UtcTicks}",
                    MessageFactory.Text(text.Format("attentionNotice", customer, migration.Attention is { } reason ? text.Text(reason) : "")), cancellationToken))
                {
                    await SettleNoticeAsync(job, cancellationToken);
                }

                break;
            case MigrationCardJobKind.Finished:
                await ShowEndAsync(job, migration, seller, text, cancellationToken);
                break;
            case MigrationCardJobKind.Approved when migration.Approval is { Approved: true } approval:
                await PostOnceAsync(migration.Id, seller, "approved", MessageFactory.Text(text.Format("approvedNotice", customer, approval.By.DisplayName)), cancellationToken);
                break;
            case MigrationCardJobKind.Approval when migration.State == MigrationState.AwaitingApproval:
                await ShowCardAsync(migration, seller, text, null, cancellationToken);
                await AskApproversAsync(migration, seller, text, cancellationToken);
                break;
        }
    }

    private async Task ShowEndAsync(
        MigrationCardJob job, MigrationRecord migration, ConversationReference seller, TextTable text, CancellationToken cancellationToken)
    {
        switch (Decide((await ReadStateAsync(migration.Id, cancellationToken))?.Value, SummaryPost))
        {
            case PostDecision.Delivered:
                // Summarised already, so its card was drawn final just before: the summary stays the chat's last word.
                await SettleNoticeAsync(job, cancellationToken);
                await RefreshExpiryIndexAsync(migration, cancellationToken);
                return;
            case PostDecision.InOtherHands:
                // Another instance is drawing the end now; the owed notice brings it back here if that instance dies.
                return;
        }

        await ShowCardAsync(migration, seller, text, null, cancellationToken);
        var summary = await cards.RenderAsync(migration, text, migration.RequestedBy, null, cancellationToken);
        if (await PostOnceAsync(migration.Id, seller, SummaryPost,
            MessageFactory.Attachment(summary) with { Summary = MigrationCards.StateText(migration, text, migration.Licences.Moved, migration.Licences.Failed, migration.UserCount) },
            cancellationToken))
        {
            await SettleNoticeAsync(job, cancellationToken);
        }

        await RefreshExpiryIndexAsync(migration, cancellationToken);
    }

    private async Task ShowCardAsync(
        MigrationRecord migration, ConversationReference seller, TextTable text, MigrationProgress? progress, CancellationToken cancellationToken)
    {
        var card = MessageFactory.Attachment(await cards.RenderAsync(migration, text, migration.RequestedBy, progress, cancellationToken));
        if ((migration.ProgressActivityId ?? (await ReadStateAsync(migration.Id, cancellationToken))?.Value.CardActivityId) is { } activityId)
        {
            var updated = await adapter.ContinueConversationAsync(seller, (turn, ct) => turn.UpdateActivityAsync(card with { Id = activityId }, ct), cancellationToken);
            if (updated.Status == ProactiveTurnStatus.Completed || updated.IsConversationGone
                || updated.Failure is not ConnectorException { StatusCode: HttpStatusCode.NotFound })
            {
                LogIfNotShown(migration.Id, updated);
                return;
            }

            // The message was deleted: the card goes on in a new one.
        }

        var posted = await adapter.ContinueConversationAsync(seller, (turn, ct) => turn.SendActivityAsync(card, ct), cancellationToken);
        LogIfNotShown(migration.Id, posted);
        if (posted.Responses is [{ Id: { } newId }, ..])
        {
            await storage.UpdateAsync<MigrationCardState>(
                Key(migration.Id), s => (s ?? new MigrationCardState()) with { CardActivityId = newId }, BotJson.Options, time, cancellationToken);
        }
    }

    // The customer's Kaizala Pro is suspended (or not, if cancelled): the index, and so the reminders and the customer
    // list, should say so now rather than at the next scan.
    private async Task RefreshExpiryIndexAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        try
        {
            await scanner.RefreshCustomerAsync(migration.CustomerId, cancellationToken);
        }
        catch (PartnerException ex)
        {
            LogIndexNotRefreshed(migration.Id, ex.ErrorCode ?? ex.ErrorCategory.ToString());
        }
    }

    private async Task AskApproversAsync(MigrationRecord migration, ConversationReference seller, TextTable text, CancellationToken cancellationToken)
    {
        // Four eyes: the Admin agents who installed the bot personally, never the seller who asked.
        var asked = 0;
        await foreach (var installation in installations.ListPersonalAsync(migration.RequestedBy.TenantId, cancellationToken))
        {
            if (installation.UserAadObjectId is not { } aadObjectId
                || string.Equals(aadObjectId, migration.RequestedBy.AadObjectId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var approver = new SellerIdentity(installation.TenantId, aadObjectId, installation.Reference.User?.Name ?? aadObjectId);
            if (await authorizer.IsAllowedAsync(approver, SellerAction.Approve, cancellationToken))
            {
                asked++;
                var card = approvals.Render(migration, texts.ForLocale(installation.Reference.Locale), approver);
                await PostOnceAsync(migration.Id, installation.Reference, $"approval:{aadObjectId}", MessageFactory.Attachment(card), cancellationToken);
            }
        }

        LogApproversAsked(migration.Id, asked);
        if (asked == 0)
        {
            await PostOnceAsync(migration.Id, seller, "approval:none", MessageFactory.Text(text["approvalNobody"]), cancellationToken);
        }
    }

    // The end of a migration was shown (or there is nothing to show it in): no instance owes it to the seller any more.
    private Task SettleNoticeAsync(MigrationCardJob job, CancellationToken cancellationToken) =>
        job.Kind is MigrationCardJobKind.Finished or MigrationCardJobKind.Attention
            ? store.ClearNoticeOwedAsync(job.MigrationId, cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// Sends <paramref name="activity"/> unless <paramref name="postKey"/> was delivered already, or is being sent by a
    /// live instance. True when the post is settled (delivered now or before, or the conversation is gone); false when it
    /// is still to be delivered: not sent (its claim released for another try) or in another instance's hands.
    /// </summary>
    /// <remarks>
    /// Claimed, sent, then marked delivered. An instance dying between the claim and the mark leaves a claim that lapses
    /// after <see cref="ConversationOptions.PostClaimLifetime"/>, and the post is sent again: at least once. Teams has no
    /// idempotent post, so a death in the instant between Teams' answer and the mark can still show it twice; before, a
    /// claim was final, and a death anywhere in the send lost the post.
    /// </remarks>
    private async Task<bool> PostOnceAsync(string migrationId, ConversationReference reference, string postKey, Activity activity, CancellationToken cancellationToken)
    {
        var decision = PostDecision.Send;
        await storage.UpdateAsync<MigrationCardState>(
            Key(migrationId),
            s =>
            {
                var current = s ?? new MigrationCardState();
                decision = Decide(current, postKey);
                return decision == PostDecision.Send
                    ? current with { Sending = [.. current.Sending.Where(c => c.Key != postKey), new PostClaim(postKey, time.GetUtcNow())] }
                    : current;
            },
            BotJson.Options, time, cancellationToken);
        if (decision != PostDecision.Send)
        {
            return decision == PostDecision.Delivered;
        }

        var result = await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(activity, ct), cancellationToken);
        LogIfNotShown(migrationId, result);
        var delivered = result.Status == ProactiveTurnStatus.Completed || result.IsConversationGone;

        // Not cancellable: what Teams answered must be on record even when the host is stopping.
        await storage.UpdateAsync<MigrationCardState>(
            Key(migrationId),
            s =>
            {
                var current = s ?? new MigrationCardState();
                var sending = current.Sending.Where(c => c.Key != postKey).ToList();
                return delivered
                    ? current with { Posted = [.. current.Posted, postKey], Sending = sending }
                    : current with { Sending = sending };
            },
            BotJson.Options, time, CancellationToken.None);
        return delivered;
    }

    // What migration-cards/{id} says of a once-only post: delivered, claimed by a live instance, or to be sent.
    private PostDecision Decide(MigrationCardState? state, string postKey) =>
        state is null ? PostDecision.Send
        : state.Posted.Contains(postKey) ? PostDecision.Delivered
        : state.Sending.Any(c => c.Key == postKey && time.GetUtcNow() - c.At < options.Value.PostClaimLifetime) ? PostDecision.InOtherHands
        : PostDecision.Send;

    private Task<StoredItem<MigrationCardState>?> ReadStateAsync(string migrationId, CancellationToken cancellationToken) =>
        storage.ReadAsync<MigrationCardState>(Key(migrationId), BotJson.Options, cancellationToken);

    private static string Key(string migrationId) => KeyPrefix + migrationId;

    private static ConversationReference? ReferenceOf(MigrationRecord migration) =>
        migration.ConversationReference is { ValueKind: JsonValueKind.Object } json ? json.Deserialize<ConversationReference>(BotJson.Options) : null;

    private void LogIfNotShown(string migrationId, ProactiveTurnResult result)
    {
        if (result.Status != ProactiveTurnStatus.Completed)
        {
            LogNotShown(migrationId, result.Status, result.IsConversationGone);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {MigrationId} finished but its customer's expiry index entry was not refreshed: {Failure}")]
    private partial void LogIndexNotRefreshed(string migrationId, string failure);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Showing {Kind} of migration {MigrationId} in Teams")]
    private partial void LogShowing(MigrationCardJobKind kind, string migrationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {MigrationId} has no conversation to show it in")]
    private partial void LogNoConversation(string migrationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {MigrationId} was not shown in Teams: {Status} (conversation gone: {Gone})")]
    private partial void LogNotShown(string migrationId, ProactiveTurnStatus status, bool gone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {MigrationId} waits for approval: {Count} Admin agent(s) asked in Teams")]
    private partial void LogApproversAsked(string migrationId, int count);
}
