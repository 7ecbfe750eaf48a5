using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Memory;

namespace KaizalaBot.BotFramework.Tests.Dialogs;

/// <summary>
/// A stored dialog stack is read over the stored JSON rather than through the serialiser (which copied every instance's
/// state): what a turn sees, what it saves, and what it refuses must be what the serialiser gave.
/// </summary>
public sealed class StoredDialogStackTests
{
    private const string Key = "msteams/conversations/a:conv";

    // Names as another writer might spell them, an unknown property, and a component holding an inner stack.
    private const string Stored = """
        {"DialogState":{"DialogStack":[{"Id":"outer","instanceId":"i1","version":"v1","extra":[1,{"a":2}],"state":{"dialogs":{"dialogStack":[{"id":"inner","instanceId":"i2","state":{"stamp":"i1/i2","options":"eyJhIjoxfQ","attempts":0}}]},"n":3}}],"owner":"29:user"},"other":{"kept":true}}
        """;

    [Fact]
    public async Task Read_GivesWhatTheSerialiserGives()
    {
        var (_, state, turn) = await StoreAsync(Stored);

        var read = await state.CreateProperty<DialogState>(nameof(DialogState)).GetAsync(turn, null, Ct.Bounded());

        var expected = JsonDocument.Parse(Stored).RootElement.GetProperty("DialogState").Deserialize<DialogState>(BotJson.Options)!;
        Assert.Equal(JsonSerializer.Serialize(expected, BotJson.Options), JsonSerializer.Serialize(read, BotJson.Options));
        var outer = Assert.Single(read!.DialogStack);
        Assert.Equal(("outer", "i1", "v1", "29:user"), (outer.Id, outer.InstanceId, outer.Version, read.Owner));
        Assert.Equal(3, outer.State["n"]!.GetValue<int>());
        Assert.Equal("i1/i2", outer.State["dialogs"]!["dialogStack"]![0]!["state"]!["stamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Save_AfterLookingWithoutChanging_WritesNothing()
    {
        // Stored as the state itself writes it (another spelling is rewritten once, by design).
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<DialogState>(nameof(DialogState));
        var first = Turn();
        await accessor.SetAsync(first, JsonDocument.Parse(Stored).RootElement.GetProperty("DialogState").Deserialize<DialogState>(BotJson.Options)!, Ct.Bounded());
        await state.SaveChangesAsync(first, false, Ct.Bounded());
        var etag = (await storage.ReadAsync(Key, Ct.Bounded()))!.ETag;

        var second = Turn();
        var read = await accessor.GetAsync(second, null, Ct.Bounded());
        Assert.Equal("i1/i2", read!.DialogStack[0].State["dialogs"]!["dialogStack"]![0]!["state"]!["stamp"]!.GetValue<string>());
        await state.SaveChangesAsync(second, false, Ct.Bounded());

        Assert.Equal(etag, (await storage.ReadAsync(Key, Ct.Bounded()))!.ETag);
    }

    [Fact]
    public async Task Save_AfterAChange_WritesTheChangeAndKeepsTheRestAsStored()
    {
        var (storage, state, turn) = await StoreAsync(Stored);
        var accessor = state.CreateProperty<DialogState>(nameof(DialogState));

        var read = await accessor.GetAsync(turn, null, Ct.Bounded());
        read!.DialogStack[0].State["n"] = 4;
        await state.SaveChangesAsync(turn, false, Ct.Bounded());

        var saved = JsonNode.Parse((await storage.ReadAsync(Key, Ct.Bounded()))!.Content.GetRawText())!;
        Assert.Equal(4, saved["DialogState"]!["dialogStack"]![0]!["state"]!["n"]!.GetValue<int>());
        Assert.Equal("eyJhIjoxfQ", saved["DialogState"]!["dialogStack"]![0]!["state"]!["dialogs"]!["dialogStack"]![0]!["state"]!["options"]!.GetValue<string>());
        Assert.True(saved["other"]!["kept"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"dialogStack":[{"id":"outer","state":{}}]}""")]
    [InlineData("""{"dialogStack":[{"instanceId":"i1"}]}""")]
    [InlineData("""{"dialogStack":[{"id":"outer","instanceId":"i1","state":[1]}]}""")]
    [InlineData("""{"dialogStack":[{"id":7,"instanceId":"i1"}]}""")]
    [InlineData("""{"dialogStack":{"id":"outer"}}""")]
    [InlineData("""{"dialogStack":[3]}""")]
    public async Task Read_MalformedStack_IsAJsonExceptionAsFromTheSerialiser(string stack)
    {
        var (_, state, turn) = await StoreAsync($$"""{"DialogState":{{stack}}}""");

        await Assert.ThrowsAsync<JsonException>(() => state.CreateProperty<DialogState>(nameof(DialogState)).GetAsync(turn, null, Ct.Bounded()));
        Assert.ThrowsAny<Exception>(() => JsonDocument.Parse(stack).RootElement.Deserialize<DialogState>(BotJson.Options));
    }

    private static async Task<(MemoryStorage Storage, ConversationState State, TurnContext Turn)> StoreAsync(string json)
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(Key, JsonDocument.Parse(json).RootElement, WriteCondition.CreateOnly, Ct.Bounded());
        return (storage, new ConversationState(storage), Turn());
    }

    private static TurnContext Turn() => StandaloneTurn.Message();
}
