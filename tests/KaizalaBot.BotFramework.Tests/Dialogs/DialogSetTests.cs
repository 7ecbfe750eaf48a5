using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.Storage.Memory;

namespace KaizalaBot.BotFramework.Tests.Dialogs;

public sealed class DialogSetTests
{
    private sealed record Empty;

    [Fact]
    public void Add_DuplicateId_Throws()
    {
        var set = new DialogSet(new ConversationState(new MemoryStorage()).CreateProperty<DialogState>("DialogState"))
            .Add(new WaterfallDialog<Empty>("a", new Empty(), []));

        var error = Assert.Throws<ArgumentException>(() => set.Add(new WaterfallDialog<Empty>("a", new Empty(), [])));

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        var set = new DialogSet(new ConversationState(new MemoryStorage()).CreateProperty<DialogState>("DialogState"));

        Assert.Null(set.Find("nope"));
    }
}
