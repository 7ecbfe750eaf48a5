using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Reliability;

/// <summary>
/// The seller's personal chat at a recording connector, and what a crash may leave wrong there: a progress card whose
/// last drawing is not the end (no summary after it), or the summary posted twice.
/// </summary>
internal sealed class SellerChat(FaultingChatConnector connector, int run)
{
    private static readonly TimeSpan SummaryLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public string ConversationId { get; } = string.Create(CultureInfo.InvariantCulture, $"a:crash-run-{run}");

    public string ProgressActivityId { get; } = string.Create(CultureInfo.InvariantCulture, $"review-card-{run}");

    public JsonElement Reference() => JsonSerializer.SerializeToElement(
        new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = connector.ServiceUrl,
            Locale = "en-US",
            Bot = new ChannelAccount { Id = "28:kaizalabot", Name = "KaizalaBot" },
            User = new ChannelAccount { Id = "29:seller-1", Name = "Seller", AadObjectId = "aad-seller-1" },
            Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal", TenantId = "tenant-1" },
        },
        BotJson.Options);

    /// <summary>
    /// Once the migration has finished: waits (bounded) for the summary, then counts a stale card (the chat's last message
    /// is not the summary) and summaries beyond the first.
    /// </summary>
    public async Task<(int Stale, int DuplicateSummaries)> CardsAfterFinishAsync(CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.GetTimestamp();
        while (Summaries() == 0 && System.Diagnostics.Stopwatch.GetElapsedTime(waited) < SummaryLimit)
        {
            await Task.Delay(PollEvery, cancellationToken);
        }

        var inChat = InChat();
        var last = inChat.LastOrDefault();
        var stale = last is not null && IsSummary(last) ? 0 : 1;
        return (stale, Math.Max(0, Summaries() - 1));
    }

    private int Summaries() => InChat().Count(IsSummary);

    /// <summary>What the connector carried out in this chat (failed calls showed nothing).</summary>
    private List<ChatExchange> InChat() =>
        [.. connector.Exchanges.Where(e => e.Status is >= 200 and < 300
            && e.Path.Contains($"/v3/conversations/{ConversationId}/activities", StringComparison.Ordinal))];

    /// <summary>Calls the connector failed on purpose, to print beside the counts.</summary>
    public int FaultsInjected => connector.Exchanges.Count(e => e.Status >= 400);

    // The summary is the one new message carrying a summary line beside its card (MigrationCardPublisher, Finished).
    private static bool IsSummary(ChatExchange exchange) =>
        exchange.Method == "POST" && JsonNode.Parse(exchange.Body) is JsonObject activity && activity["summary"] is JsonValue;
}
