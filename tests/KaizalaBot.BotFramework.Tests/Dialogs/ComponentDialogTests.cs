using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage.Memory;

namespace KaizalaBot.BotFramework.Tests.Dialogs;

public sealed class ComponentDialogTests
{
    private sealed record Names
    {
        public string? Customer { get; init; }
    }

    /// <summary>Asks for a name with a text prompt and ends with it.</summary>
    private sealed class AskName : ComponentDialog
    {
        public AskName(List<string> ended)
            : base("ask-name")
        {
            AddDialog(new WaterfallDialog<Names>("ask-name-steps", new Names(),
            [
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Customer name?") }, ct),
                (step, ct) => step.EndDialogAsync($"<{step.Result}>", ct),
            ]));
            AddDialog(new RecordingTextPrompt("text", ended));
        }
    }

    private sealed class RecordingTextPrompt(string id, List<string> ended) : Dialog(id)
    {
        private readonly TextPrompt _inner = new(id, null);

        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
            _inner.BeginDialogAsync(dc, options, cancellationToken);

        public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
            _inner.ContinueDialogAsync(dc, cancellationToken);

        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        {
            ended.Add($"{Id}:{reason}");
            return Task.CompletedTask;
        }
    }

    private sealed class Outer : ComponentDialog
    {
        public Outer(List<string> ended)
            : base("outer")
        {
            AddDialog(new WaterfallDialog<Names>("outer-steps", new Names(),
            [
                (step, ct) => step.BeginDialogAsync("ask-name", null, ct),
                async (step, ct) =>
                {
                    step.State = step.State with { Customer = (string?)step.Result };
                    await step.Context.SendActivityAsync(MessageFactory.Text($"Outer got {step.State.Customer}"), ct);
                    return await step.EndDialogAsync(step.State.Customer, ct);
                },
            ]));
            AddDialog(new AskName(ended));
        }
    }

    /// <summary>Runs the outer dialog, or cancels everything on "cancel" (as the host's command does).</summary>
    private sealed class CancellableBot(Dialog dialog, ConversationState conversationState) : IBot
    {
        private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>("DialogState");

        public DialogTurnResult? LastResult { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            if (turnContext.Activity.Text == "cancel")
            {
                var dc = await new DialogSet(_dialogState).Add(dialog).CreateContextAsync(turnContext, cancellationToken);
                LastResult = await dc.CancelAllDialogsAsync(cancellationToken);
                return;
            }

            LastResult = await dialog.RunAsync(turnContext, _dialogState, cancellationToken);
        }
    }

    [Fact]
    public async Task RunAsync_NestedComponents_ResultFlowsUpAndOuterCompletes()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var bot = new CancellableBot(new Outer([]), conversationState);

        await new TestFlow(new TestAdapter([conversationState]), bot)
            .Send("go").AssertReply("Customer name?")
            .Send("Contoso").AssertReply("Outer got <Contoso>")
            .StartTestAsync(Ct.Bounded());

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "<Contoso>"), bot.LastResult);
    }

    [Fact]
    public async Task RunAsync_WaitingInInnerPrompt_InnerStacksPersistedInsideInstanceState()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);

        await new TestFlow(new TestAdapter([conversationState]), new CancellableBot(new Outer([]), conversationState))
            .Send("go").AssertReply("Customer name?")
            .StartTestAsync(Ct.Bounded());

        var stored = await storage.ReadAsync("test/conversations/conversation-1", Ct.Bounded());
        var outer = Assert.Single(stored!.Content.GetProperty("DialogState").GetProperty("dialogStack").EnumerateArray());
        Assert.Equal("outer", outer.GetProperty("id").GetString());
        var outerInner = outer.GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
        Assert.Equal(["ask-name", "outer-steps"], outerInner.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var askInner = outerInner[0].GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
        Assert.Equal(["text", "ask-name-steps"], askInner.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task CancelAllDialogsAsync_WhileInnerPromptWaits_EmptiesStackAndEndsInnerDialogs()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var ended = new List<string>();
        var bot = new CancellableBot(new Outer(ended), conversationState);

        await new TestFlow(new TestAdapter([conversationState]), bot)
            .Send("go").AssertReply("Customer name?")
            .Send("cancel").AssertNoReply()
            .Send("again").AssertReply("Customer name?")
            .StartTestAsync(Ct.Bounded());

        Assert.Equal(["text:CancelCalled"], ended);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_EmptyStack_ReturnsEmpty()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var bot = new CancellableBot(new Outer([]), conversationState);

        await new TestFlow(new TestAdapter([conversationState]), bot).Send("cancel").AssertNoReply().StartTestAsync(Ct.Bounded());

        Assert.Equal(DialogTurnStatus.Empty, bot.LastResult!.Status);
    }
}
