using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Dialogs.Migration.Preparation;

namespace KaizalaBot.Tests.Dialogs;

/// <summary>A card stops being redrawn only by forgetting its own registration, never one made after it.</summary>
public sealed class LiveCardsTests
{
    private const string Key = "conversation-reads/user-listing/customer-1";

    [Fact]
    public void Forget_TheRegistrationRedrawn_RemovesItAndTheKeyWithItsLastWatcher()
    {
        var live = new LiveCards();
        var watcher = Watcher("a:seller-1", "activity-3");
        live.Watch(Key, watcher);

        live.Forget(Key, watcher);

        Assert.Empty(live.WatchersOf(Key));
    }

    [Fact]
    public void Forget_ACardThatWatchedAgainSince_KeepsTheNewRegistration()
    {
        var live = new LiveCards();
        var redrawn = Watcher("a:seller-1", "activity-3");
        live.Watch(Key, redrawn);
        var again = Watcher("a:seller-1", "activity-3");   // equal by value, a registration of its own
        live.Watch(Key, again);

        live.Forget(Key, redrawn);

        Assert.Same(again, Assert.Single(live.WatchersOf(Key)));
    }

    [Fact]
    public void Forget_OneOfTwoConversations_KeepsTheOther()
    {
        var live = new LiveCards();
        var first = Watcher("a:seller-1", "activity-3");
        var second = Watcher("a:seller-2", "activity-7");
        live.Watch(Key, first);
        live.Watch(Key, second);

        live.Forget(Key, first);
        live.Forget(Key, first);   // a second time changes nothing

        Assert.Same(second, Assert.Single(live.WatchersOf(Key)));
    }

    private static LiveWatcher Watcher(string conversationId, string activityId) =>
        new(new ConversationReference { ChannelId = Channels.Msteams, Conversation = new ConversationAccount { Id = conversationId } }, activityId);
}
