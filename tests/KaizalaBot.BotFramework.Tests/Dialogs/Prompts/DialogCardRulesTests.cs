using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.BotFramework.Tests.Dialogs.Prompts;

/// <summary>
/// The card rules a dialog's author can rely on: a refresh is never an answer, only the dialog's owner answers in a
/// group (by click or by typing), a stack saved by an older build is ended rather than resumed, and steps get typed results.
/// </summary>
public sealed class DialogCardRulesTests
{
    private const string ConversationKey = "test/conversations/conversation-1";
    private static readonly ChannelAccount Alex = new() { Id = "29:alex", AadObjectId = "aad-alex", Name = "Alex" };
    private static readonly ChannelAccount Megan = new() { Id = "29:megan", AadObjectId = "aad-megan", Name = "Megan" };

    private sealed record Choice
    {
        public string? Verb { get; init; }
    }

    /// <summary>Card A → "Recorded {verb}" + card B → "Finished".</summary>
    private sealed class Root : ComponentDialog
    {
        public Root()
            : base("root")
        {
            AddDialog(new WaterfallDialog<Choice>("steps", new Choice(), [AskAsync])
                .AddStep<CardSubmission>(RecordAsync)
                .AddStep<CardSubmission>(FinishAsync));
            AddDialog(new AdaptiveCardPrompt("card", null));
        }

        private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<Choice> step, CancellationToken ct) =>
            step.PromptAsync("card", new PromptOptions { Prompt = MessageFactory.AdaptiveCard(Cards.Choice("Card A", "approve", "reject")) }, ct);

        private static async Task<DialogTurnResult> RecordAsync(WaterfallStepContext<Choice> step, CardSubmission answer, CancellationToken ct)
        {
            step.State = step.State with { Verb = answer.Verb };
            await step.Context.SendActivityAsync(MessageFactory.Text($"Recorded {answer.Verb}"), ct);
            return await step.PromptAsync("card", new PromptOptions { Prompt = MessageFactory.AdaptiveCard(Cards.Choice("Card B", "confirm")) }, ct);
        }

        private static async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<Choice> step, CardSubmission answer, CancellationToken ct)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text($"Finished {step.State.Verb} then {answer.Verb}"), ct);
            return await step.EndDialogAsync(null, ct);
        }
    }

    /// <summary>"Customer name?" → "Customer: {typed name}".</summary>
    private sealed class AskName : ComponentDialog
    {
        public AskName()
            : base("ask-name")
        {
            AddDialog(new WaterfallDialog<Choice>("steps", new Choice(), [AskAsync]).AddStep<string>(AnswerAsync));
            AddDialog(new TextPrompt("text", null));
        }

        private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<Choice> step, CancellationToken ct) =>
            step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Customer name?") }, ct);

        private static async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<Choice> step, string name, CancellationToken ct)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text($"Customer: {name}"), ct);
            return await step.EndDialogAsync(null, ct);
        }
    }

    private sealed class Harness
    {
        public Harness(Dialog? dialog = null, bool group = false)
        {
            var conversationState = new ConversationState(Storage);
            Adapter = new TestAdapter([conversationState], Logger);
            Adapter.Conversation = Adapter.Conversation with
            {
                User = Alex,
                Conversation = new ConversationAccount { Id = "conversation-1", ConversationType = group ? "groupChat" : "personal", IsGroup = group },
            };
            Bot = new DialogBot(dialog ?? new Root(), conversationState);
        }

        public MemoryStorage Storage { get; } = new();

        public FakeLogger<CloudAdapter> Logger { get; } = new();

        public TestAdapter Adapter { get; }

        public DialogBot Bot { get; }

        public TestFlow Flow() => new(Adapter, Bot);

        public Task<InvokeResponse?> RunAsync(Activity activity) => Adapter.ProcessActivityAsync(activity, Bot.OnTurnAsync, Ct.Bounded());

        public Activity Execute(string stamp, string verb, ChannelAccount from, string trigger = "manual") => Adapter.MakeActivity(ActivityTypes.Invoke) with
        {
            From = from,
            Name = InvokeNames.AdaptiveCardAction,
            ReplyToId = "activity-1",
            Value = JsonSerializer.SerializeToElement(new
            {
                action = new { type = "Action.Execute", verb, data = new Dictionary<string, string> { ["choice"] = verb, ["kbPrompt"] = stamp } },
                trigger,
            }),
        };

        public Activity Submit(string stamp, string verb, ChannelAccount from) => Adapter.MakeActivity(ActivityTypes.Message) with
        {
            From = from,
            ReplyToId = "activity-1",
            Value = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["verb"] = verb, ["choice"] = verb, ["kbPrompt"] = stamp }),
        };

        public Activity Typed(string text, ChannelAccount from) => Adapter.MakeActivity(ActivityTypes.Message) with { From = from, Text = text };

        public Task<StoredDocument?> ReadAsync() => Storage.ReadAsync(ConversationKey, Ct.Bounded());

        public string LatestStamp() => StampOf(Adapter.Connector.Replies.Last(r => r.Attachments is not null));
    }

    private static string StampOf(Activity activity) =>
        activity.Attachments![0].Content!.Value.GetProperty("actions")[0].GetProperty("actions")[0].GetProperty("data").GetProperty("kbPrompt").GetString()!;

    private static JsonElement InvokeValue(InvokeResponse? response) => response!.Body!.Value.GetProperty("value");

    [Fact]
    public async Task RunAsync_RefreshOfTheWaitingCard_AnswersItsCurrentViewAndIsNoAnswer()
    {
        var harness = new Harness();
        await harness.Flow().Send("start").StartTestAsync(Ct.Bounded());
        var stamp = harness.LatestStamp();
        var before = await harness.ReadAsync();

        var refresh = await harness.RunAsync(harness.Execute(stamp, "approve", Alex, trigger: "automatic"));

        var view = InvokeValue(refresh);
        Assert.Equal("Card A", Cards.Title(view));
        Assert.Equal(stamp, view.GetProperty("actions")[0].GetProperty("actions")[0].GetProperty("data").GetProperty("kbPrompt").GetString());
        Assert.Single(harness.Adapter.Connector.Replies);
        Assert.Equal(before!.ETag, (await harness.ReadAsync())!.ETag);

        var click = await harness.RunAsync(harness.Execute(stamp, "approve", Alex));
        Assert.Equal("Card B", Cards.Title(InvokeValue(click)));
        Assert.Equal("Recorded approve", harness.Adapter.Connector.Replies[^1].Text);
    }

    [Fact]
    public async Task RunAsync_RefreshOfAnOlderCard_LeavesItAsItIsAndSaysNothing()
    {
        var harness = new Harness();
        await harness.Flow().Send("start").StartTestAsync(Ct.Bounded());
        var oldStamp = harness.LatestStamp();
        await harness.RunAsync(harness.Execute(oldStamp, "approve", Alex));
        var replies = harness.Adapter.Connector.Replies.Count;

        var refresh = await harness.RunAsync(harness.Execute(oldStamp, "approve", Alex, trigger: "automatic"));

        Assert.Equal(new InvokeResponse(200, null), refresh);
        Assert.Equal(replies, harness.Adapter.Connector.Replies.Count);
    }

    [Fact]
    public async Task RunAsync_GroupChatClickFromSomeoneElse_PolitelyRefusedAndNothingChanges()
    {
        var harness = new Harness(group: true);
        await harness.Flow().Send("start").StartTestAsync(Ct.Bounded());
        var stamp = harness.LatestStamp();
        var before = await harness.ReadAsync();

        var execute = await harness.RunAsync(harness.Execute(stamp, "approve", Megan));
        await harness.RunAsync(harness.Submit(stamp, "reject", Megan));

        Assert.Equal("Only the person who started this step can answer this card.", InvokeValue(execute).GetString());
        Assert.Equal("Only the person who started this step can answer this card.", harness.Adapter.Connector.Replies[^1].Text);
        Assert.Equal(before!.ETag, (await harness.ReadAsync())!.ETag);
        Assert.Equal("aad-alex", before.Content.GetProperty("DialogState").GetProperty("owner").GetString());

        var owner = await harness.RunAsync(harness.Execute(stamp, "approve", Alex));
        Assert.Equal("Card B", Cards.Title(InvokeValue(owner)));
    }

    [Fact]
    public async Task RunAsync_GroupChatTypedAnswerFromSomeoneElse_PolitelyRefusedAndNothingChanges()
    {
        var harness = new Harness(new AskName(), group: true);
        await harness.Flow().Send("start").AssertReply("Customer name?").StartTestAsync(Ct.Bounded());
        var before = await harness.ReadAsync();

        await harness.RunAsync(harness.Typed("Contoso", Megan));

        Assert.Equal(
            "Only the person who started this step can answer it. To start your own, write to me in a personal chat.",
            harness.Adapter.Connector.Replies[^1].Text);
        Assert.Equal(DialogTurnStatus.Waiting, harness.Bot.LastResult!.Status);
        Assert.Equal(before!.ETag, (await harness.ReadAsync())!.ETag);

        await harness.RunAsync(harness.Typed("Fabrikam", Alex));
        Assert.Equal("Customer: Fabrikam", harness.Adapter.Connector.Replies[^1].Text);
        Assert.DoesNotContain(harness.Adapter.Connector.Replies, r => r.Text == "Customer: Contoso");
    }

    [Fact]
    public async Task RunAsync_PersonalChat_TypedAnswerIsNotCheckedAgainstTheOwner()
    {
        var harness = new Harness(new AskName());
        await harness.Flow().Send("start").StartTestAsync(Ct.Bounded());

        await harness.RunAsync(harness.Typed("Contoso", Alex with { AadObjectId = null }));

        Assert.Equal("Customer: Contoso", harness.Adapter.Connector.Replies[^1].Text);
    }

    [Fact]
    public async Task RunAsync_PersonalChat_ClickIsNotCheckedAgainstTheOwner()
    {
        var harness = new Harness();
        await harness.Flow().Send("start").StartTestAsync(Ct.Bounded());

        var click = await harness.RunAsync(harness.Execute(harness.LatestStamp(), "approve", Alex with { AadObjectId = null }));

        Assert.Equal("Card B", Cards.Title(InvokeValue(click)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_StackSavedByABuildWhoseDialogChanged_EndedWithAMessageNotResumed(bool click)
    {
        var harness = new Harness();
        await harness.Flow().Send("start").StartTestAsync(Ct.Bounded());
        var stamp = harness.LatestStamp();
        await ChangeStoredVersionsAsync(harness.Storage, "built-last-month");

        var response = await harness.RunAsync(click ? harness.Execute(stamp, "approve", Alex) : harness.Adapter.MakeActivity(ActivityTypes.Message) with { Text = "approve" });

        var changed = "The bot was updated and this conversation had to stop. Please start again.";
        Assert.Equal(changed, click ? InvokeValue(response).GetString() : harness.Adapter.Connector.Replies[^1].Text);
        Assert.DoesNotContain(harness.Adapter.Connector.Replies, r => r.Text?.StartsWith("Recorded", StringComparison.Ordinal) == true);
        var stack = (await harness.ReadAsync())!.Content.GetProperty("DialogState").GetProperty("dialogStack");
        Assert.Equal(0, stack.GetArrayLength());
        Assert.Equal(DialogTurnStatus.Cancelled, harness.Bot.LastResult!.Status);
    }

    [Fact]
    public async Task ContinueConversationAsync_RunnerEndsTheDialogAndReplacesItsCard_TheSellersLaterClickIsRefused()
    {
        var harness = new Harness();
        await harness.Flow().Send("start").StartTestAsync(Ct.Bounded());
        var stamp = harness.LatestStamp();
        var reference = harness.Adapter.Conversation;

        // What the migration runner does when a migration finishes: end the dialog and update its card, in one turn.
        await harness.Adapter.ContinueConversationAsync(reference, async (turn, ct) =>
        {
            await new Root().CancelAllAsync(turn, harness.Bot.DialogState, ct);
            await turn.UpdateActivityAsync(MessageFactory.Text("Migration completed") with { Id = "activity-1" }, ct);
        }, Ct.Bounded());
        var click = await harness.RunAsync(harness.Execute(stamp, "approve", Alex));

        Assert.Equal("Migration completed", harness.Adapter.Connector.Replies[^1].Text);
        Assert.Equal("This card is no longer active. Please use the most recent card.", InvokeValue(click).GetString());
        Assert.Equal(0, (await harness.ReadAsync())!.Content.GetProperty("DialogState").GetProperty("dialogStack").GetArrayLength());
    }

    [Fact]
    public void GetVersion_WaterfallGainsAStep_Differs()
    {
        var before = new WaterfallDialog<Choice>("steps", new Choice(), [StepOneAsync, StepTwoAsync]);
        var after = new WaterfallDialog<Choice>("steps", new Choice(), [StepOneAsync, StepInsertedAsync, StepTwoAsync]);

        Assert.NotEqual(before.GetVersion(), after.GetVersion());
        Assert.Equal(before.GetVersion(), new WaterfallDialog<Choice>("steps", new Choice(), [StepOneAsync, StepTwoAsync]).GetVersion());
    }

    [Fact]
    public async Task CancelAllAsync_StackHoldsADialogThisBuildNoLongerHas_ForgetsItWithoutThrowing()
    {
        var harness = new Harness();
        await harness.Flow().Send("start").StartTestAsync(Ct.Bounded());
        await RenameStoredDialogAsync(harness.Storage, "root", "removed-dialog");
        bool? cancelled = null;

        await harness.Adapter.ProcessActivityAsync(harness.Adapter.MakeActivity(ActivityTypes.Message) with { Text = "cancel" }, async (turn, ct) =>
            cancelled = await new Root().CancelAllAsync(turn, harness.Bot.DialogState, ct), Ct.Bounded());

        Assert.True(cancelled);
        Assert.Equal(0, (await harness.ReadAsync())!.Content.GetProperty("DialogState").GetProperty("dialogStack").GetArrayLength());
        Assert.DoesNotContain(harness.Logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task AddStepOfT_PreviousStepReturnedAnotherType_FailsNamingTheStepAndTypes()
    {
        var dialog = new WaterfallDialog<Choice>("typed", new Choice(), [(step, ct) => step.NextAsync("text, not a number", ct)])
            .AddStep<int>((step, count, ct) => step.EndDialogAsync(count, ct));
        var harness = new Harness(dialog);

        await harness.Flow().Send("start").StartTestAsync(Ct.Bounded());

        var error = Assert.Single(harness.Logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        var exception = Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Equal("Step 1 of 'typed' expected a Int32 result but got String.", exception.Message);
    }

    private static Task<DialogTurnResult> StepOneAsync(WaterfallStepContext<Choice> step, CancellationToken ct) => Task.FromResult(Dialog.EndOfTurn);

    private static Task<DialogTurnResult> StepTwoAsync(WaterfallStepContext<Choice> step, CancellationToken ct) => Task.FromResult(Dialog.EndOfTurn);

    private static Task<DialogTurnResult> StepInsertedAsync(WaterfallStepContext<Choice> step, CancellationToken ct) => Task.FromResult(Dialog.EndOfTurn);

    private static async Task ChangeStoredVersionsAsync(MemoryStorage storage, string version) =>
        await RewriteStackAsync(storage, instance => instance["version"] = version);

    private static async Task RenameStoredDialogAsync(MemoryStorage storage, string from, string to) =>
        await RewriteStackAsync(storage, instance =>
        {
            if ((string?)instance["id"] == from)
            {
                instance["id"] = to;
            }
        });

    // What an older build would have left in storage: the same stack, with its own dialog versions or ids.
    private static async Task RewriteStackAsync(MemoryStorage storage, Action<JsonObject> change)
    {
        var stored = await storage.ReadAsync(ConversationKey, Ct.Bounded());
        var document = JsonNode.Parse(stored!.Content.GetRawText())!.AsObject();
        foreach (var instance in document["DialogState"]!["dialogStack"]!.AsArray())
        {
            change(instance!.AsObject());
        }

        await storage.WriteAsync(ConversationKey, JsonSerializer.SerializeToElement(document), WriteCondition.Unconditional, Ct.Bounded());
    }
}
