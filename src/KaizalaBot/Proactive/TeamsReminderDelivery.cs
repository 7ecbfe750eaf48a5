using System.Globalization;
using System.Net;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Reminders;

namespace KaizalaBot.Proactive;

/// <summary>
/// Delivers reminder digests through the bot's proactive turns (so through Teams' rate limits, queued rather than
/// failed, with <c>Retry-After</c> honoured by the connector): the header is a plain message, the digest replaces it
/// (<c>PUT …/activities/{id}</c>), in the recipient's last known language. Teams' answers become outcomes the reminders
/// act on: 403 "gone" codes (blocked, uninstalled, not in the roster) end them, 429 waits, 5xx and timeouts back off.
/// </summary>
internal sealed class TeamsReminderDelivery(CloudAdapter adapter, InstallationStore installations, ExpiryCardBuilder cards, BotTexts texts)
    : IReminderDelivery
{
    public Task<DeliveryOutcome> PostAsync(ReminderRecipient recipient, ReminderDigest digest, CancellationToken cancellationToken) =>
        RunAsync(recipient, update: false, (turn, text, ct) =>
            turn.SendActivityAsync(MessageFactory.Text(text["reminderHeader"]) with { Summary = text["reminderHeader"] }, ct), cancellationToken);

    public Task<DeliveryOutcome> ShowAsync(ReminderRecipient recipient, string activityId, ReminderDigest digest, CancellationToken cancellationToken) =>
        RunAsync(recipient, update: true, (turn, text, ct) =>
            turn.UpdateActivityAsync(MessageFactory.Attachment(cards.Digest(digest, text)) with { Id = activityId, Summary = text["reminderHeader"] }, ct),
            cancellationToken);

    private async Task<DeliveryOutcome> RunAsync(
        ReminderRecipient recipient, bool update, Func<ITurnContext, TextTable, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        // The stored reference, read now: Teams may have moved the conversation to another serviceUrl since the plan.
        var installation = await installations.ReadAsync(TeamsReminderRecipients.KeyOf(recipient), cancellationToken);
        if (installation is null)
        {
            return new DeliveryOutcome(DeliveryOutcomeKind.Gone, Reason: "notInstalled");
        }

        if (installation.RemindersOff)
        {
            return new DeliveryOutcome(DeliveryOutcomeKind.Rejected, Reason: "remindersOff");
        }

        var text = texts.ForLocale(installation.Reference.Locale);
        var result = await adapter.ContinueConversationAsync(installation.Reference, (turn, ct) => send(turn, text, ct), cancellationToken);
        if (result.Status == ProactiveTurnStatus.Completed)
        {
            return result.Responses is [{ Id: { Length: > 0 } id }, ..]
                ? DeliveryOutcome.Delivered(id)
                : new DeliveryOutcome(DeliveryOutcomeKind.Transient, Reason: "no message id in Teams' answer");
        }

        return Classify(result.Failure, update);
    }

    private static DeliveryOutcome Classify(Exception? failure, bool update) => failure switch
    {
        ConnectorException { IsConversationGone: true } gone => new(DeliveryOutcomeKind.Gone, Reason: Describe(gone)),
        ConnectorException { RetryAfter: { } wait } throttled => new(DeliveryOutcomeKind.Throttled, RetryAfter: wait, Reason: Describe(throttled)),
        ConnectorException { StatusCode: HttpStatusCode.TooManyRequests } throttled => new(DeliveryOutcomeKind.Throttled, Reason: Describe(throttled)),
        ConnectorException { StatusCode: HttpStatusCode.NotFound, ErrorCode: "ConversationNotFound" } missing => new(DeliveryOutcomeKind.Gone, Reason: Describe(missing)),
        ConnectorException { StatusCode: HttpStatusCode.NotFound } missing when update => new(DeliveryOutcomeKind.MessageMissing, Reason: Describe(missing)),
        ConnectorException { StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout } transient =>
            new(DeliveryOutcomeKind.Transient, Reason: Describe(transient)),
        ConnectorException { StatusCode: null, ErrorCode: not ConnectorErrorCodes.UntrustedServiceUrl } unanswered => new(DeliveryOutcomeKind.Transient, Reason: Describe(unanswered)),
        ConnectorException refused => new(DeliveryOutcomeKind.Rejected, Reason: Describe(refused)),

        // Our own fault (already logged with its stack trace by the adapter): retried for a while, then given up.
        _ => new(DeliveryOutcomeKind.Transient, Reason: failure?.GetType().Name ?? "unknown"),
    };

    // Teams' codes and status, never its message text (which may quote the payload).
    private static string Describe(ConnectorException exception) =>
        string.Create(CultureInfo.InvariantCulture, $"{exception.SubCode ?? exception.ErrorCode ?? "no error code"} ({(exception.StatusCode is { } s ? $"HTTP {(int)s}" : "no answer")})");
}
