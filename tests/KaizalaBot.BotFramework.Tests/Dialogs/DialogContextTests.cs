using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage.Memory;

namespace KaizalaBot.BotFramework.Tests.Dialogs;

public sealed class DialogContextTests
{
    private sealed record Empty;

    private static DialogContext Create(params Dialog[] dialogs)
    {
        var set = new DialogSet(new ConversationState(new MemoryStorage()).CreateProperty<DialogState>("DialogState"));
        foreach (var dialog in dialogs)
        {
            set.Add(dialog);
        }

        var turn = new TurnContext(new TestAdapter([]).MakeActivity("message") with { Text = "hi" }, new TestConnectorClient(), buffered: false);
        return new DialogContext(set, turn, new DialogState(), null);
    }

    private static WaterfallDialog<Empty> Waiting(string id) => new(id, new Empty(), [(step, ct) => Task.FromResult(Dialog.EndOfTurn)]);

    [Fact]
    public async Task BeginDialogAsync_Twice_PushesNewInstanceOnTopWithDistinctInstanceIds()
    {
        var dc = Create(Waiting("a"), Waiting("b"));

        await dc.BeginDialogAsync("a", null, Ct.Bounded());
        await dc.BeginDialogAsync("b", null, Ct.Bounded());

        Assert.Equal(["b", "a"], dc.Stack.Select(i => i.Id));
        Assert.NotEqual(dc.Stack[0].InstanceId, dc.Stack[1].InstanceId);
        Assert.Same(dc.Stack[0], dc.ActiveDialog);
    }

    [Fact]
    public async Task BeginDialogAsync_UnknownId_ThrowsNamingTheDialog()
    {
        var dc = Create(Waiting("a"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => dc.BeginDialogAsync("missing", null, Ct.Bounded()));

        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContinueDialogAsync_EmptyStack_ReturnsEmpty()
    {
        var dc = Create(Waiting("a"));

        var result = await dc.ContinueDialogAsync(Ct.Bounded());

        Assert.Equal(DialogTurnStatus.Empty, result.Status);
    }

    [Fact]
    public async Task EndDialogAsync_LastDialog_CompletesWithResult()
    {
        var dc = Create(Waiting("a"));
        await dc.BeginDialogAsync("a", null, Ct.Bounded());

        var result = await dc.EndDialogAsync(42, Ct.Bounded());

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, 42), result);
        Assert.Empty(dc.Stack);
    }
}
