using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Tests.Testing;

/// <summary>A turn of a user's message in conversation <c>a:conv</c>, outside any adapter: for tests of state alone.</summary>
internal static class StandaloneTurn
{
    public static TurnContext Message() => new(new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = Channels.Msteams,
        Conversation = new ConversationAccount { Id = "a:conv" },
        From = new ChannelAccount { Id = "29:user" },
    }, new RecordingConnector(), buffered: false);
}
