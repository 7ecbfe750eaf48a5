using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage.Memory;

namespace KaizalaBot.BotFramework.Tests.Dialogs;

/// <summary>
/// A component asked to show its question again (<see cref="DialogContext.RepromptDialogAsync"/>): by default its waiting
/// prompt sends what it kept; a component that overrides <c>OnRepromptDialogAsync</c> can run its flow again from the
/// state it kept instead, and its prompt can then keep less than the activity it sent (<c>OptionsToKeep</c>).
/// </summary>
public sealed class ComponentRepromptTests
{
    private const string StorageKey = "test/conversations/conversation-1";

    private sealed record Visit
    {
        public int Asked { get; init; }
    }

    /// <summary>A text prompt that keeps none of the activity it sent (its owner can draw it again).</summary>
    private sealed class ForgetfulTextPrompt(string id) : Prompt<string>(id, null)
    {
        protected override PromptOptions OptionsToKeep(PromptOptions options) => options with { Prompt = null, RetryPrompt = null };

        protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, CancellationToken cancellationToken) =>
            Task.FromResult(new PromptRecognizerResult<string>(true, turnContext.Activity.Text));
    }

    /// <summary>Asks a question that says how often it was asked (from the waterfall's state) and echoes the answer.</summary>
    private sealed class Asker : ComponentDialog
    {
        private readonly WaterfallDialog<Visit> _flow;
        private readonly bool _runsAgain;

        public Asker(bool forgetful, bool runsAgain)
            : base("asker")
        {
            _runsAgain = runsAgain;
            _flow = new WaterfallDialog<Visit>("asker-steps", new Visit(),
            [
                (step, ct) =>
                {
                    step.State = step.State with { Asked = step.State.Asked + 1 };
                    return step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text($"Name? (asked {step.State.Asked})") }, ct);
                },
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync(MessageFactory.Text($"Got {step.Result}"), ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]);
            AddDialog(_flow);
            AddDialog(forgetful ? new ForgetfulTextPrompt("text") : new TextPrompt("text", null));
        }

        protected override async Task OnRepromptDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            if (!_runsAgain || innerDc.Stack is not [{ Id: "text" }, { Id: "asker-steps" } flow])
            {
                await base.OnRepromptDialogAsync(innerDc, cancellationToken);
                return;
            }

            var state = _flow.StateOf(flow);
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            await innerDc.BeginDialogAsync("asker-steps", state, cancellationToken);
        }
    }

    /// <summary>Runs the dialog; "again" asks the waiting dialog to show its question again, as a host's command does.</summary>
    private sealed class RepromptingBot(Dialog dialog, ConversationState conversationState) : IBot
    {
        private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>("DialogState");

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            if (turnContext.Activity.Text == "again")
            {
                var dc = await new DialogSet(_dialogState).Add(dialog).CreateContextAsync(turnContext, cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
                return;
            }

            await dialog.RunAsync(turnContext, _dialogState, cancellationToken);
        }
    }

    [Fact]
    public async Task Reprompt_ByDefault_TheWaitingPromptSendsWhatItKept()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);

        await new TestFlow(new TestAdapter([conversationState]), new RepromptingBot(new Asker(forgetful: false, runsAgain: false), conversationState))
            .Send("go").AssertReply("Name? (asked 1)")
            .Send("again").AssertReply("Name? (asked 1)")
            .Send("Contoso").AssertReply("Got Contoso")
            .StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task Reprompt_ComponentRunsItsFlowAgain_ANewPromptFromTheStateItKeptIsSavedAndAnswered()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var adapter = new TestAdapter([conversationState]);
        var bot = new RepromptingBot(new Asker(forgetful: true, runsAgain: true), conversationState);

        // One flow per turn (a flow replays its whole script), each turn's reply read from the connector.
        async Task<string?> SayAsync(string text)
        {
            var sent = adapter.Connector.Replies.Count;
            await new TestFlow(adapter, bot).Send(text).StartTestAsync(Ct.Bounded());
            return Assert.Single(adapter.Connector.Replies.Skip(sent)).Text;
        }

        Assert.Equal("Name? (asked 1)", await SayAsync("go"));
        var before = await InnerStackAsync(storage);
        Assert.Equal("Name? (asked 2)", await SayAsync("again"));
        var after = await InnerStackAsync(storage);

        Assert.Equal(["text", "asker-steps"], after.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.NotEqual(before[0].GetProperty("instanceId").GetString(), after[0].GetProperty("instanceId").GetString());
        Assert.Equal(2, after[1].GetProperty("state").GetProperty("state").GetProperty("asked").GetInt32());

        // The inner stack is not a root: running it again must not make whoever asked for the reprompt its owner.
        var inner = (await StoredAsync(storage)).GetProperty("DialogState").GetProperty("dialogStack")[0].GetProperty("state").GetProperty("dialogs");
        Assert.False(inner.TryGetProperty("owner", out var owner) && owner.ValueKind != JsonValueKind.Null, inner.GetRawText());

        Assert.Equal("Got Contoso", await SayAsync("Contoso"));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task BeginDialogAsync_PromptKeepsOnlyWhatOptionsToKeepReturns(bool forgetful, bool keepsTheActivity)
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);

        await new TestFlow(new TestAdapter([conversationState]), new RepromptingBot(new Asker(forgetful, runsAgain: true), conversationState))
            .Send("go").AssertReply("Name? (asked 1)")
            .StartTestAsync(Ct.Bounded());

        var stack = await InnerStackAsync(storage);
        var encoded = stack[0].GetProperty("state").GetProperty("options").GetString()!;
        var options = JsonSerializer.Deserialize<PromptOptions>(Base64Url.DecodeFromUtf8(Encoding.UTF8.GetBytes(encoded)), BotJson.Options)!;
        Assert.Equal(keepsTheActivity, options.Prompt is not null);
        Assert.Equal(keepsTheActivity, options.Prompt?.Text == "Name? (asked 1)");
    }

    private static async Task<JsonElement> StoredAsync(MemoryStorage storage) =>
        (await storage.ReadAsync(StorageKey, Ct.Bounded()))!.Content;

    private static async Task<JsonElement> InnerStackAsync(MemoryStorage storage) =>
        (await StoredAsync(storage)).GetProperty("DialogState").GetProperty("dialogStack")[0].GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
}
