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

namespace KaizalaBot.BotFramework.Tests.Dialogs.Prompts;

public sealed class AdaptiveCardPromptTests
{
    private const string ConversationKey = "test/conversations/conversation-1";

    private sealed record Choices
    {
        public string? First { get; init; }

        public string? Second { get; init; }
    }

    /// <summary>Card A (approve/reject) → text "Recorded …" + card B (confirm) → text "Finished …", no card.</summary>
    private sealed class Flow
    {
        public Flow(CardPromptMessages messages, PromptValidator<CardSubmission>? validator)
        {
            var conversationState = new ConversationState(Interfering);
            var root = new Root(validator);
            Adapter = new TestAdapter([conversationState]);
            Bot = new DialogBot(root, conversationState, messages);
        }

        /// <summary>Lets a test play "another instance" writing the conversation during a turn.</summary>
        public ConflictInjectingStorage Interfering { get; } = new();

        public MemoryStorage Storage => Interfering.Inner;

        public TestAdapter Adapter { get; }

        public DialogBot Bot { get; }

        public TestFlow Start() => new TestFlow(Adapter, Bot).Send("start");

        private sealed class Root : ComponentDialog
        {
            public Root(PromptValidator<CardSubmission>? validator)
                : base("root")
            {
                AddDialog(new WaterfallDialog<Choices>("steps", new Choices(),
                [
                    (step, ct) => step.PromptAsync("card", Options("Card A", "Card A again", "approve", "reject"), ct),
                    async (step, ct) =>
                    {
                        var answer = (CardSubmission)step.Result!;
                        step.State = step.State with { First = $"{answer.Kind}:{answer.Verb}:{answer.Data.GetProperty("choice").GetString()}" };
                        await step.Context.SendActivityAsync(MessageFactory.Text($"Recorded {step.State.First}"), ct);
                        return await step.PromptAsync("card", Options("Card B", "Card B again", "confirm"), ct);
                    },
                    async (step, ct) =>
                    {
                        var answer = (CardSubmission)step.Result!;
                        step.State = step.State with { Second = answer.Verb };
                        await step.Context.SendActivityAsync(MessageFactory.Text($"Finished {step.State.First} then {step.State.Second}"), ct);
                        return await step.EndDialogAsync(step.State, ct);
                    },
                ]));
                AddDialog(new AdaptiveCardPrompt("card", validator));
            }
        }
    }

    private static PromptOptions Options(string title, string retryTitle, params string[] verbs) => new()
    {
        Prompt = MessageFactory.AdaptiveCard(Cards.Choice(title, verbs)),
        RetryPrompt = MessageFactory.AdaptiveCard(Cards.Choice(retryTitle, verbs)),
    };

    private static JsonElement CardOf(Activity activity) => activity.Attachments![0].Content!.Value;

    private static string StampOf(JsonElement card) =>
        card.GetProperty("actions")[0].GetProperty("actions")[0].GetProperty("data").GetProperty("kbPrompt").GetString()!;

    private static JsonElement InvokeCard(InvokeResponse response)
    {
        Assert.Equal(200, response.Status);
        var body = response.Body!.Value;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(ContentTypes.AdaptiveCard, body.GetProperty("type").GetString());
        return body.GetProperty("value");
    }

    private static Activity Click(TestAdapter adapter, CardSubmissionKind kind, string? stamp, string replyToId, string trigger = "manual")
    {
        var data = new Dictionary<string, object> { ["choice"] = "approve" };
        if (stamp is not null)
        {
            data["kbPrompt"] = stamp;
        }

        return kind == CardSubmissionKind.Submit
            ? adapter.MakeActivity(ActivityTypes.Message) with { ReplyToId = replyToId, Value = JsonSerializer.SerializeToElement(data) }
            : adapter.MakeActivity(ActivityTypes.Invoke) with
            {
                Name = InvokeNames.AdaptiveCardAction,
                ReplyToId = replyToId,
                Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "approve", data }, trigger }),
            };
    }

    [Fact]
    public async Task BeginDialogAsync_Card_StampsEveryActionAndCopiesVerbIntoSubmitFallback()
    {
        var flow = new Flow(CardPromptMessages.Default, null);

        await flow.Start().AssertReply(reply =>
        {
            var execute = CardOf(reply).GetProperty("actions")[0].GetProperty("actions")[1];
            var stamp = execute.GetProperty("data").GetProperty("kbPrompt").GetString();
            Assert.Matches("^[0-9a-f]{32}/[0-9a-f]{32}$", stamp);
            var fallback = execute.GetProperty("fallback").GetProperty("data");
            Assert.Equal(stamp, fallback.GetProperty("kbPrompt").GetString());
            Assert.Equal("reject", fallback.GetProperty("verb").GetString());
            Assert.Equal("reject", fallback.GetProperty("choice").GetString());
        }).StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task ContinueDialogAsync_Execute_NextCardIsInvokeResponseAndTextGoesThroughConnector()
    {
        var flow = new Flow(CardPromptMessages.Default, null);

        await flow.Start().AssertReply(r => Assert.Equal("Card A", Cards.Title(CardOf(r))))
            .SendExecute("approve", new { comment = "fine" })
            .AssertInvokeResponse(response => Assert.Equal("Card B", Cards.Title(InvokeCard(response))))
            .AssertReply("Recorded Execute:approve:approve")
            .AssertNoReply()
            .SendExecute("confirm", null)
            .AssertInvokeResponse(response =>
            {
                var body = response.Body!.Value;
                Assert.Equal(ContentTypes.ActivityMessage, body.GetProperty("type").GetString());
                Assert.Equal("Done.", body.GetProperty("value").GetString());
            })
            .AssertReply("Finished Execute:approve:approve then confirm")
            .StartTestAsync(Ct.Bounded());

        Assert.Equal(DialogTurnStatus.Complete, flow.Bot.LastResult!.Status);
    }

    [Fact]
    public async Task ContinueDialogAsync_Submit_NextCardUpdatesClickedMessage()
    {
        var flow = new Flow(CardPromptMessages.Default, null);
        string? cardAId = null;

        await flow.Start().AssertReply(r => cardAId = r.Id)
            .SendSubmit(new { choice = "reject", verb = "reject" })
            .AssertReply("Recorded Submit:reject:reject")
            .AssertReply(update =>
            {
                Assert.Equal(cardAId, update.Id);
                Assert.Equal("Card B", Cards.Title(CardOf(update)));
            })
            .SendSubmit(new { choice = "confirm", verb = "confirm" })
            .AssertReply(r => Assert.Equal("Finished Submit:reject:reject then confirm", r.Text))
            .AssertNoReply()
            .StartTestAsync(Ct.Bounded());

        Assert.Equal(cardAId, Assert.Single(flow.Adapter.Connector.Replies, r => r.Attachments is not null && Cards.Title(CardOf(r)) == "Card B").Id);
    }

    [Fact]
    public async Task ContinueDialogAsync_ValidatorRejectsExecute_RetryCardReplacesClickedCard()
    {
        var flow = new Flow(CardPromptMessages.Default, (context, _) => Task.FromResult(context.Recognized.Value!.Verb != "reject"));

        await flow.Start().AssertReply(r => Assert.Equal("Card A", Cards.Title(CardOf(r))))
            .SendExecute("reject", null)
            .AssertInvokeResponse(response => Assert.Equal("Card A again", Cards.Title(InvokeCard(response))))
            .AssertNoReply()
            .SendExecute("approve", null)
            .AssertInvokeResponse(response => Assert.Equal("Card B", Cards.Title(InvokeCard(response))))
            .AssertReply("Recorded Execute:approve:approve")
            .StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task ContinueDialogAsync_TypedTextInsteadOfClick_ResendsCardWithSameStamp()
    {
        var flow = new Flow(CardPromptMessages.Default, null);
        string? firstStamp = null;

        await flow.Start().AssertReply(r => firstStamp = StampOf(CardOf(r)))
            .Send("approve please")
            .AssertReply(r =>
            {
                Assert.Equal("Card A again", Cards.Title(CardOf(r)));
                Assert.Equal(firstStamp, StampOf(CardOf(r)));
            })
            .StartTestAsync(Ct.Bounded());
    }

    [Theory]
    [InlineData(CardSubmissionKind.Submit)]
    [InlineData(CardSubmissionKind.Execute)]
    public async Task RunAsync_ClickOnOlderCardOfSameDialog_RefusedAndStateUnchanged(CardSubmissionKind kind)
    {
        var flow = new Flow(CardPromptMessages.Default, null);
        string? cardAStamp = null;
        string? cardAId = null;
        await flow.Start().AssertReply(r => (cardAId, cardAStamp) = (r.Id, StampOf(CardOf(r))))
            .SendSubmit(new { choice = "approve", verb = "approve" })
            .StartTestAsync(Ct.Bounded());
        var before = await flow.Storage.ReadAsync(ConversationKey, Ct.Bounded());
        var repliesBefore = flow.Adapter.Connector.Replies.Count;

        var response = await flow.Adapter.ProcessActivityAsync(Click(flow.Adapter, kind, cardAStamp, cardAId!), flow.Bot.OnTurnAsync, Ct.Bounded());

        var after = await flow.Storage.ReadAsync(ConversationKey, Ct.Bounded());
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.Equal(before.Content.GetRawText(), after.Content.GetRawText());
        var stale = "This card is no longer active. Please use the most recent card.";
        if (kind == CardSubmissionKind.Execute)
        {
            Assert.Equal(stale, response!.Body!.Value.GetProperty("value").GetString());
            Assert.Equal(repliesBefore, flow.Adapter.Connector.Replies.Count);
        }
        else
        {
            Assert.Null(response);
            Assert.Equal(stale, flow.Adapter.Connector.Replies[^1].Text);
            Assert.Null(flow.Adapter.Connector.Replies[^1].Attachments);
        }
    }

    [Fact]
    public async Task RunAsync_ClickAfterDialogFinished_RefusedWithInjectedTextAndNoNewDialog()
    {
        var messages = CardPromptMessages.Default with { StaleCard = c => c.Activity.Locale == "fr-FR" ? "Cette carte n'est plus active." : "stale" };
        var flow = new Flow(messages, null);
        string? cardBStamp = null;
        flow.Adapter.Conversation = flow.Adapter.Conversation with { Locale = "fr-FR" };
        await flow.Start()
            .SendExecute("approve", null).AssertInvokeResponse(r => cardBStamp = StampOf(InvokeCard(r)))
            .SendExecute("confirm", null)
            .StartTestAsync(Ct.Bounded());
        var writes = flow.Storage.WriteCount;

        var response = await flow.Adapter.ProcessActivityAsync(
            Click(flow.Adapter, CardSubmissionKind.Execute, cardBStamp, "activity-1"), flow.Bot.OnTurnAsync, Ct.Bounded());

        Assert.Equal("Cette carte n'est plus active.", response!.Body!.Value.GetProperty("value").GetString());
        Assert.Equal(writes, flow.Storage.WriteCount);
        Assert.Equal(DialogTurnStatus.Empty, flow.Bot.LastResult!.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbled")]
    [InlineData("0123/4567")]
    public async Task RunAsync_ClickWithoutActiveDialog_RefusedAndNothingWritten(string? stamp)
    {
        var flow = new Flow(CardPromptMessages.Default, null);

        var response = await flow.Adapter.ProcessActivityAsync(
            Click(flow.Adapter, CardSubmissionKind.Submit, stamp, "activity-9"), flow.Bot.OnTurnAsync, Ct.Bounded());

        Assert.Null(response);
        Assert.Equal(0, flow.Storage.WriteCount);
        Assert.Equal("This card is no longer active. Please use the most recent card.", Assert.Single(flow.Adapter.Connector.Replies).Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tampered")]
    public async Task RunAsync_TamperedStampWhilePromptWaits_RefusedAndPromptStillWaits(string? stamp)
    {
        var flow = new Flow(CardPromptMessages.Default, null);
        await flow.Start().StartTestAsync(Ct.Bounded());
        var before = await flow.Storage.ReadAsync(ConversationKey, Ct.Bounded());

        var response = await flow.Adapter.ProcessActivityAsync(
            Click(flow.Adapter, CardSubmissionKind.Execute, stamp, "activity-1"), flow.Bot.OnTurnAsync, Ct.Bounded());

        Assert.Equal(ContentTypes.ActivityMessage, response!.Body!.Value.GetProperty("type").GetString());
        Assert.Equal(before!.ETag, (await flow.Storage.ReadAsync(ConversationKey, Ct.Bounded()))!.ETag);
        await new TestFlow(flow.Adapter, flow.Bot)
            .SendExecute("approve", null)
            .AssertInvokeResponse(r => Assert.Equal("Card B", Cards.Title(InvokeCard(r))))
            .StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task RunAsync_InvokeWithGarbageValue_RefusedNotCrashed()
    {
        var flow = new Flow(CardPromptMessages.Default, null);
        await flow.Start().StartTestAsync(Ct.Bounded());
        var invoke = flow.Adapter.MakeActivity(ActivityTypes.Invoke) with
        {
            Name = InvokeNames.AdaptiveCardAction,
            Value = JsonSerializer.SerializeToElement("not an object"),
        };

        var response = await flow.Adapter.ProcessActivityAsync(invoke, flow.Bot.OnTurnAsync, Ct.Bounded());

        Assert.Equal(200, response!.Status);
        Assert.Equal(ContentTypes.ActivityMessage, response.Body!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ContinueDialogAsync_ExecuteTurnMeetsConflict_RerunAnswersOnceWithNextCard()
    {
        var flow = new Flow(CardPromptMessages.Default, null);
        await flow.Start().StartTestAsync(Ct.Bounded());
        flow.Interfering.BeforeNextWrite = async ct =>
        {
            // Another instance touches the conversation document (an unrelated property) while this turn runs.
            var current = await flow.Storage.ReadAsync(ConversationKey, ct);
            var changed = System.Text.Json.Nodes.JsonNode.Parse(current!.Content.GetRawText())!.AsObject();
            changed["lastSeen"] = "elsewhere";
            await flow.Storage.WriteAsync(ConversationKey, JsonSerializer.SerializeToElement(changed), KaizalaBot.Storage.WriteCondition.IfMatch(current.ETag), ct);
        };

        await new TestFlow(flow.Adapter, flow.Bot)
            .SendExecute("approve", null)
            .AssertInvokeResponse(r => Assert.Equal("Card B", Cards.Title(InvokeCard(r))))
            .StartTestAsync(Ct.Bounded());

        Assert.Equal(1, flow.Interfering.ConflictCount);
        Assert.Single(flow.Adapter.Connector.Replies, r => r.Text == "Recorded Execute:approve:approve");
        var stored = await flow.Storage.ReadAsync(ConversationKey, Ct.Bounded());
        Assert.Equal("elsewhere", stored!.Content.GetProperty("lastSeen").GetString());
    }

    [Fact]
    public async Task RunAsync_DefaultMessagesFrenchLocale_RefusesInFrench()
    {
        var flow = new Flow(CardPromptMessages.Default, null);
        flow.Adapter.Conversation = flow.Adapter.Conversation with { Locale = "fr-CA" };

        var response = await flow.Adapter.ProcessActivityAsync(
            Click(flow.Adapter, CardSubmissionKind.Execute, "old/card", "activity-1"), flow.Bot.OnTurnAsync, Ct.Bounded());

        Assert.Equal("Cette carte n'est plus active. Veuillez utiliser la carte la plus récente.", response!.Body!.Value.GetProperty("value").GetString());
    }

    [Fact]
    public async Task BeginDialogAsync_Card_KeepsItsOptionsInTheStateAsOneString()
    {
        var flow = new Flow(CardPromptMessages.Default, null);
        await flow.Start().AssertReply(r => Assert.Equal("Card A", Cards.Title(CardOf(r)))).StartTestAsync(Ct.Bounded());

        var stored = (await flow.Storage.ReadAsync(ConversationKey, Ct.Bounded()))!.Content;

        Assert.Equal(JsonValueKind.String, WaitingPromptState(stored).GetProperty("options").ValueKind);
        Assert.DoesNotContain("Card A", stored.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CardSubmissionKind.Submit)]
    [InlineData(CardSubmissionKind.Execute)]
    public async Task RunAsync_OptionsSavedAsAnObjectByAnOlderBuild_RepromptRefreshAndClickStillWork(CardSubmissionKind kind)
    {
        var flow = new Flow(CardPromptMessages.Default, null);
        string? stamp = null;
        string? cardId = null;
        await flow.Start().AssertReply(r => (cardId, stamp) = (r.Id, StampOf(CardOf(r)))).StartTestAsync(Ct.Bounded());
        await StoreOptionsAsAnOlderBuildDidAsync(flow.Storage, Options("Card A", "Card A again", "approve", "reject"));

        await flow.Adapter.ProcessActivityAsync(
            flow.Adapter.MakeActivity(ActivityTypes.Message) with { Text = "approve please" }, flow.Bot.OnTurnAsync, Ct.Bounded());
        var reprompt = CardOf(flow.Adapter.Connector.Replies[^1]);
        var refresh = await flow.Adapter.ProcessActivityAsync(
            Click(flow.Adapter, CardSubmissionKind.Execute, stamp, cardId!, trigger: "automatic"), flow.Bot.OnTurnAsync, Ct.Bounded());
        await flow.Adapter.ProcessActivityAsync(Click(flow.Adapter, kind, stamp, cardId!), flow.Bot.OnTurnAsync, Ct.Bounded());

        Assert.Equal("Card A again", Cards.Title(reprompt));
        Assert.Equal(stamp, StampOf(reprompt));
        var view = InvokeCard(refresh!);
        Assert.Equal("Card A", Cards.Title(view));
        Assert.Equal(stamp, StampOf(view));
        var recorded = kind == CardSubmissionKind.Execute ? "Recorded Execute:approve:approve" : "Recorded Submit::approve";
        Assert.Contains(flow.Adapter.Connector.Replies, r => r.Text == recorded);
    }

    private static JsonElement WaitingPromptState(JsonElement stored)
    {
        var root = stored.GetProperty("DialogState").GetProperty("dialogStack")[0];
        var prompt = root.GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack")[0];
        Assert.Equal("card", prompt.GetProperty("id").GetString());
        return prompt.GetProperty("state");
    }

    // What main's build (before the options were kept as one string) left in storage for a waiting card prompt.
    private static async Task StoreOptionsAsAnOlderBuildDidAsync(MemoryStorage storage, PromptOptions options)
    {
        var stored = await storage.ReadAsync(ConversationKey, Ct.Bounded());
        var document = JsonNode.Parse(stored!.Content.GetRawText())!.AsObject();
        var prompt = document["DialogState"]!["dialogStack"]![0]!["state"]!["dialogs"]!["dialogStack"]![0]!;
        prompt["state"]!["options"] = JsonSerializer.SerializeToNode(options, BotJson.Options);
        await storage.WriteAsync(ConversationKey, JsonSerializer.SerializeToElement(document), WriteCondition.IfMatch(stored.ETag), Ct.Bounded());
    }
}
