using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage.Memory;

namespace KaizalaBot.BotFramework.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    private sealed record OrderState
    {
        public string? Customer { get; init; }

        public int Seats { get; init; }

        public IReadOnlyList<string> Visited { get; init; } = [];
    }

    private static WaterfallStep<OrderState> Ask(string question, Func<OrderState, object?, OrderState> apply) =>
        async (step, ct) =>
        {
            step.State = apply(step.State, step.Result) with { Visited = [.. step.State.Visited, question] };
            await step.Context.SendActivityAsync(MessageFactory.Text(question), ct);
            return Dialog.EndOfTurn;
        };

    [Fact]
    public async Task RunAsync_ThreeTurns_RunsStepsInOrderWithTypedStateFromStorage()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var dialog = new WaterfallDialog<OrderState>("order", new OrderState(),
        [
            Ask("Which customer?", (s, _) => s),
            Ask("How many seats?", (s, r) => s with { Customer = (string?)r }),
            async (step, ct) =>
            {
                step.State = step.State with { Seats = int.Parse((string)step.Result!, System.Globalization.CultureInfo.InvariantCulture) };
                await step.Context.SendActivityAsync(
                    MessageFactory.Text($"{step.State.Customer}: {step.State.Seats} seats after {string.Join(",", step.State.Visited)}"), ct);
                return await step.EndDialogAsync(step.State, ct);
            },
        ]);
        var adapter = new TestAdapter([conversationState]);

        await new TestFlow(adapter, new DialogBot(dialog, conversationState))
            .Send("migrate").AssertReply("Which customer?")
            .Send("Contoso").AssertReply("How many seats?")
            .Send("25").AssertReply("Contoso: 25 seats after Which customer?,How many seats?")
            .StartTestAsync(Ct.Bounded());

        var stored = await storage.ReadAsync("test/conversations/conversation-1", Ct.Bounded());
        Assert.Equal(0, stored!.Content.GetProperty("DialogState").GetProperty("dialogStack").GetArrayLength());
    }

    [Fact]
    public async Task RunAsync_WaitingStep_PersistsTypedStateAsCamelCaseJson()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var dialog = new WaterfallDialog<OrderState>("order", new OrderState { Seats = 3 },
        [
            Ask("Which customer?", (s, _) => s),
            Ask("How many seats?", (s, r) => s with { Customer = (string?)r }),
        ]);
        var adapter = new TestAdapter([conversationState]);

        await new TestFlow(adapter, new DialogBot(dialog, conversationState))
            .Send("go").AssertReply("Which customer?")
            .Send("Fabrikam").AssertReply("How many seats?")
            .StartTestAsync(Ct.Bounded());

        var stored = await storage.ReadAsync("test/conversations/conversation-1", Ct.Bounded());
        var instance = stored!.Content.GetProperty("DialogState").GetProperty("dialogStack")[0];
        Assert.Equal("order", instance.GetProperty("id").GetString());
        Assert.Equal(1, instance.GetProperty("state").GetProperty("stepIndex").GetInt32());
        var state = instance.GetProperty("state").GetProperty("state");
        Assert.Equal("Fabrikam", state.GetProperty("customer").GetString());
        Assert.Equal(3, state.GetProperty("seats").GetInt32());
    }

    [Fact]
    public async Task NextAsync_CalledFromStep_RunsFollowingStepInSameTurnWithResult()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var dialog = new WaterfallDialog<OrderState>("order", new OrderState(),
        [
            (step, ct) => step.NextAsync("skipped-ahead", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(MessageFactory.Text($"{step.Reason}:{step.Result}:{step.Index}"), ct);
                return Dialog.EndOfTurn;
            },
        ]);

        await new TestFlow(new TestAdapter([conversationState]), new DialogBot(dialog, conversationState))
            .Send("go").AssertReply("NextCalled:skipped-ahead:1")
            .StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task NextAsync_CalledTwice_Throws()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var dialog = new WaterfallDialog<OrderState>("order", new OrderState(),
        [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
        ]);
        var adapter = new TestAdapter([conversationState]);

        await new TestFlow(adapter, new DialogBot(dialog, conversationState)).Send("go").StartTestAsync(Ct.Bounded());

        // The failure is caught at the turn boundary: the user gets the generic apology, nothing else.
        Assert.Equal("Sorry, something went wrong. Please try again in a moment.", Assert.Single(adapter.Connector.Replies).Text);
    }

    [Fact]
    public async Task EndDialogAsync_FromFirstStep_CompletesWithResultAndSkipsLaterSteps()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var dialog = new WaterfallDialog<OrderState>("order", new OrderState { Seats = 7 },
        [
            (step, ct) => step.EndDialogAsync(step.State.Seats, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(MessageFactory.Text("must not run"), ct);
                return Dialog.EndOfTurn;
            },
        ]);
        var bot = new DialogBot(dialog, conversationState);

        await new TestFlow(new TestAdapter([conversationState]), bot).Send("go").AssertNoReply().StartTestAsync(Ct.Bounded());

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, 7), bot.LastResult);
    }

    [Fact]
    public async Task ReplaceDialogAsync_AtLastStep_LoopsWithNewStateAndWithoutResumingParent()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var dialog = new WaterfallDialog<OrderState>("loop", new OrderState(),
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(MessageFactory.Text($"round {step.State.Seats}"), ct);
                return Dialog.EndOfTurn;
            },
            (step, ct) => step.ReplaceDialogAsync("loop", step.State with { Seats = step.State.Seats + 1 }, ct),
        ]);
        var bot = new DialogBot(dialog, conversationState);

        await new TestFlow(new TestAdapter([conversationState]), bot)
            .Send("go").AssertReply("round 0")
            .Send("again").AssertReply("round 1")
            .Send("again").AssertReply("round 2")
            .StartTestAsync(Ct.Bounded());

        Assert.Equal(DialogTurnStatus.Waiting, bot.LastResult!.Status);
    }

    [Fact]
    public async Task BeginDialogAsync_OptionsOfAnotherType_Throws()
    {
        var dialog = new WaterfallDialog<OrderState>("order", new OrderState(), [(step, ct) => Task.FromResult(Dialog.EndOfTurn)]);
        var state = new DialogState();
        var dc = new DialogContext(new DialogSet(new ConversationState(new MemoryStorage()).CreateProperty<DialogState>("d")).Add(dialog),
            new TurnContext(new TestAdapter([]).MakeActivity("message"), new TestConnectorClient(), buffered: false), state, null);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => dc.BeginDialogAsync("order", "not a state", Ct.Bounded()));

        Assert.Contains("OrderState", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContinueDialogAsync_NonMessageActivity_KeepsWaitingOnSameStep()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var dialog = new WaterfallDialog<OrderState>("order", new OrderState(),
        [
            Ask("Which customer?", (s, _) => s),
            Ask("How many seats?", (s, r) => s with { Customer = (string?)r }),
        ]);
        var adapter = new TestAdapter([conversationState]);

        await new TestFlow(adapter, new DialogBot(dialog, conversationState))
            .Send("go").AssertReply("Which customer?")
            .Send(adapter.MakeActivity("event") with { Name = "something" }).AssertNoReply()
            .Send("Contoso").AssertReply("How many seats?")
            .StartTestAsync(Ct.Bounded());

        var stored = await storage.ReadAsync("test/conversations/conversation-1", Ct.Bounded());
        Assert.Equal("Contoso", stored!.Content.GetProperty("DialogState").GetProperty("dialogStack")[0]
            .GetProperty("state").GetProperty("state").GetProperty("customer").GetString());
    }
}
