using System.Text.Json.Nodes;
using KaizalaBot.Storage;

namespace KaizalaBot.Tests.Conversation;

/// <summary>The seller's answers as the migration dialog saved them (its state inside the stored conversation state).</summary>
internal static class DialogAnswers
{
    private static readonly string[] Answers =
        ["stage", "customerSearch", "customerId", "subscriptionId", "plan", "licenceCount", "excludedUserIds", "userSearch", "page", "previewKey"];

    /// <summary>The answers of the dialog in <paramref name="conversationId"/>, or "none" when no migration dialog runs there.</summary>
    public static async Task<string> ReadAsync(IStorage storage, string conversationId)
    {
        var stored = await storage.ReadAsync($"msteams/conversations/{conversationId}", CancellationToken.None);
        var state = stored is null ? null : Find(JsonNode.Parse(stored.Content.GetRawText()));
        return state is null ? "none" : new JsonObject(Answers.Select(a => KeyValuePair.Create(a, state[a]?.DeepClone()))).ToJsonString();
    }

    private static JsonObject? Find(JsonNode? node) => node switch
    {
        JsonObject o when o.ContainsKey("stage") && o.ContainsKey("offered") => o,
        JsonObject o => o.Select(p => Find(p.Value)).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select(Find).FirstOrDefault(found => found is not null),
        _ => null,
    };
}
