using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Memory;

namespace KaizalaBot.BotFramework.Tests.State;

public sealed class BotStateTests
{
    private sealed record Preferences
    {
        public bool Reminders { get; init; }

        public string? Language { get; init; }
    }

    private static TurnContext Turn() => StandaloneTurn.Message();

    [Fact]
    public async Task SaveChangesAsync_NewDocument_WritesCreateOnlyThenIfMatch()
    {
        var storage = new MemoryStorage();
        var state = new UserState(storage);
        var prefs = state.CreateProperty<Preferences>("prefs");
        var first = Turn();
        await prefs.SetAsync(first, new Preferences { Reminders = true }, Ct.Bounded());
        await state.SaveChangesAsync(first, false, Ct.Bounded());
        var second = Turn();
        var loaded = await prefs.GetAsync(second, null, Ct.Bounded());
        await prefs.SetAsync(second, loaded! with { Language = "fr" }, Ct.Bounded());

        await state.SaveChangesAsync(second, false, Ct.Bounded());

        var stored = await storage.ReadAsync("msteams/users/29:user", Ct.Bounded());
        Assert.Equal("""{"prefs":{"reminders":true,"language":"fr"}}""", stored!.Content.GetRawText());
        Assert.Equal(2, storage.WriteCount);
    }

    [Fact]
    public async Task SaveChangesAsync_NothingChanged_WritesNothing()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var prefs = state.CreateProperty<Preferences>("prefs");
        var first = Turn();
        await prefs.SetAsync(first, new Preferences(), Ct.Bounded());
        await state.SaveChangesAsync(first, false, Ct.Bounded());
        var second = Turn();
        await prefs.GetAsync(second, null, Ct.Bounded());

        await state.SaveChangesAsync(second, false, Ct.Bounded());

        Assert.Equal(1, storage.WriteCount);
    }

    [Fact]
    public async Task SaveChangesAsync_StoredDocumentNotInThisForm_WritesItOnceThenNothingWhileUnchanged()
    {
        // The snapshot is the stored text: a document written otherwise (indented, a repeated key) is rewritten once.
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var prefs = state.CreateProperty<Preferences>("prefs");
        using var indented = System.Text.Json.JsonDocument.Parse("""
            {
              "prefs": { "reminders": true },
              "prefs": { "reminders": true, "language": "fr" }
            }
            """);
        await storage.WriteAsync("msteams/conversations/a:conv", indented.RootElement, WriteCondition.CreateOnly, Ct.Bounded());

        for (var i = 0; i < 2; i++)
        {
            var turn = Turn();
            Assert.Equal(new Preferences { Reminders = true, Language = "fr" }, await prefs.GetAsync(turn, null, Ct.Bounded()));
            await state.SaveChangesAsync(turn, false, Ct.Bounded());
        }

        var stored = await storage.ReadAsync("msteams/conversations/a:conv", Ct.Bounded());
        Assert.Equal("""{"prefs":{"reminders":true,"language":"fr"}}""", stored!.Content.GetRawText());
        Assert.Equal(2, storage.WriteCount);
    }

    [Fact]
    public async Task GetAsync_NoFactoryAndNoDocument_ReturnsDefaultAndSavesNothing()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var turn = Turn();

        var value = await state.CreateProperty<Preferences>("prefs").GetAsync(turn, null, Ct.Bounded());
        await state.SaveChangesAsync(turn, false, Ct.Bounded());

        Assert.Null(value);
        Assert.Equal(0, storage.WriteCount);
    }

    [Fact]
    public async Task SaveChangesAsync_DocumentChangedSinceRead_ThrowsConflictAndKeepsOtherWrite()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var count = state.CreateProperty<int>("count");
        var setup = Turn();
        await count.SetAsync(setup, 1, Ct.Bounded());
        await state.SaveChangesAsync(setup, false, Ct.Bounded());
        var mine = Turn();
        var theirs = Turn();
        await count.SetAsync(mine, 2, Ct.Bounded());
        await count.SetAsync(theirs, 3, Ct.Bounded());
        await state.SaveChangesAsync(theirs, false, Ct.Bounded());

        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveChangesAsync(mine, false, Ct.Bounded()));

        Assert.Equal(3, (await storage.ReadAsync("msteams/conversations/a:conv", Ct.Bounded()))!.Content.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task SaveChangesAsync_TwoTurnsCreateSameNewDocument_SecondConflicts()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var count = state.CreateProperty<int>("count");
        var one = Turn();
        var two = Turn();
        await count.SetAsync(one, 1, Ct.Bounded());
        await count.SetAsync(two, 2, Ct.Bounded());
        await state.SaveChangesAsync(one, false, Ct.Bounded());

        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveChangesAsync(two, false, Ct.Bounded()));
    }

    [Fact]
    public async Task DeleteAsync_Property_RemovedFromSavedDocument()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var count = state.CreateProperty<int>("count");
        var keep = state.CreateProperty<string>("keep");
        var first = Turn();
        await count.SetAsync(first, 1, Ct.Bounded());
        await keep.SetAsync(first, "x", Ct.Bounded());
        await state.SaveChangesAsync(first, false, Ct.Bounded());
        var second = Turn();

        await count.DeleteAsync(second, Ct.Bounded());
        await state.SaveChangesAsync(second, false, Ct.Bounded());

        Assert.Equal("""{"keep":"x"}""", (await storage.ReadAsync("msteams/conversations/a:conv", Ct.Bounded()))!.Content.GetRawText());
    }

    [Fact]
    public async Task LoadAsync_ActivityWithoutConversation_ThrowsNamingWhatIsMissing()
    {
        var state = new ConversationState(new MemoryStorage());
        var turn = new TurnContext(new Activity { Type = ActivityTypes.Message, ChannelId = Channels.Msteams }, new RecordingConnector(), buffered: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => state.LoadAsync(turn, false, Ct.Bounded()));

        Assert.Contains("conversation.id", error.Message, StringComparison.Ordinal);
    }
}
