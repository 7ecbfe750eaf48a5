using System.Net.Http.Json;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Tests.Support;

/// <summary>Activities shaped like the ones Teams (and the Agents Playground) post, for one seller in one personal chat.</summary>
internal sealed record TeamsActivities(
    Uri ServiceUrl, string Locale = "en-US", string ConversationId = "a:personal-chat-1", string AadObjectId = TeamsActivities.SellerAadId,
    string ConversationType = "personal", string UserId = "29:seller-1", string Name = "Alex Wilber")
{
    public const string TenantId = "5f8e1a3c-0000-4000-8000-00000000c5b1";
    public const string BotId = "28:kaizalabot";
    public const string SellerAadId = "aad-seller-1";

    public Activity InstallationAdd() => Base(ActivityTypes.InstallationUpdate) with { Action = InstallationUpdateActions.Add };

    public Activity InstallationRemove() => Base(ActivityTypes.InstallationUpdate) with { Action = InstallationUpdateActions.Remove };

    public Activity BotAdded() => Base(ActivityTypes.ConversationUpdate) with
    {
        MembersAdded = [new ChannelAccount { Id = BotId }, new ChannelAccount { Id = UserId, AadObjectId = AadObjectId }],
    };

    public Activity Message(string text) => Base(ActivityTypes.Message) with { Text = text, Id = $"in-{Guid.NewGuid():N}" };

    public Activity Submit(string json, string replyToId = "card-1") => Base(ActivityTypes.Message) with
    {
        Value = JsonDocument.Parse(json).RootElement.Clone(),
        ReplyToId = replyToId,
    };

    public Activity Execute(string verb, string dataJson, string replyToId = "card-1") => Base(ActivityTypes.Invoke) with
    {
        Name = InvokeNames.AdaptiveCardAction,
        ReplyToId = replyToId,
        Value = JsonDocument.Parse($$$"""{"action":{"type":"Action.Execute","verb":"{{{verb}}}","data":{{{dataJson}}}},"trigger":"manual"}""").RootElement.Clone(),
    };

    public static HttpRequestMessage Post(Activity activity, string? bearerToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity, options: BotJson.Options) };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new("Bearer", bearerToken);
        }

        return request;
    }

    private Activity Base(string type) => new()
    {
        Type = type,
        Id = $"{type}-{Guid.NewGuid():N}",
        ChannelId = Channels.Msteams,
        ServiceUrl = ServiceUrl.ToString(),
        Locale = Locale,
        From = new ChannelAccount { Id = UserId, Name = Name, AadObjectId = AadObjectId },
        Recipient = new ChannelAccount { Id = BotId, Name = "KaizalaBot" },
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationType, TenantId = TenantId },
        ChannelData = JsonDocument.Parse($$$"""{"tenant":{"id":"{{{TenantId}}}"}}""").RootElement.Clone(),
    };
}
