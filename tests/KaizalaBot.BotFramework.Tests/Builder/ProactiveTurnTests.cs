using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Tests.Testing;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.BotFramework.Tests.Builder;

/// <summary>
/// A proactive turn (the migration runner's progress card, a reminder) runs through the same pipeline as an inbound
/// one: conversation lock, state with the conflict re-run, buffered sends, error boundary and logging scope.
/// </summary>
public sealed class ProactiveTurnTests
{
    [Fact]
    public async Task ContinueConversationAsync_InboundClickArrivesDuringIt_ClickWaitsUntilTheProactiveTurnIsDone()
    {
        var fixture = new TurnFixture();
        var events = new List<string>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var proactive = Task.Run(() => fixture.Adapter.ContinueConversationAsync(TurnFixture.Reference, async (turn, ct) =>
        {
            Record(events, "proactive starts");
            entered.SetResult();
            await release.Task.WaitAsync(ct);
            await turn.UpdateActivityAsync(MessageFactory.Text("Step B: 40 of 120 users moved") with { Id = "progress-card" }, ct);
            Record(events, "proactive ends");
        }, Ct.Bounded()));
        await entered.Task.WaitAsync(Ct.Bounded());

        // Authentication completes synchronously here, so without the lock the click's bot would already have run.
        var click = fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Invoke(), new RecordingBot(events, "click"), Ct.Bounded());
        var clickRanDuringProactive = events.Contains("click");
        release.SetResult();
        await Task.WhenAll(proactive, click).WaitAsync(Ct.Bounded());

        Assert.False(clickRanDuringProactive);
        Assert.Equal(["proactive starts", "proactive ends", "click"], events);
    }

    [Fact]
    public async Task ContinueConversationAsync_InboundTurnHoldsTheConversation_ProactiveTurnWaitsForIt()
    {
        var fixture = new TurnFixture();
        var events = new List<string>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inbound = Task.Run(() => fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Message("cancel"), new BlockingBot(events, entered, release), Ct.Bounded()));
        await entered.Task.WaitAsync(Ct.Bounded());

        var proactive = fixture.Adapter.ContinueConversationAsync(TurnFixture.Reference, (turn, ct) =>
        {
            Record(events, "proactive");
            return Task.CompletedTask;
        }, Ct.Bounded());
        var proactiveRanDuringInbound = events.Contains("proactive");
        release.SetResult();
        await Task.WhenAll(inbound, proactive).WaitAsync(Ct.Bounded());

        Assert.False(proactiveRanDuringInbound);
        Assert.Equal(["inbound starts", "inbound ends", "proactive"], events);
    }

    [Fact]
    public async Task ContinueConversationAsync_QueuedBehindAClickWhoseAnswerIsStillBeingWritten_WaitsForTheAnswer()
    {
        var fixture = new TurnFixture();
        var events = new List<string>();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var click = Task.Run(() => fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Invoke(), new RecordingBot(events, "click"), async answer =>
        {
            Record(events, "answer starts");
            writing.SetResult();
            await written.Task.WaitAsync(Ct.Bounded());
            Record(events, "answer written");
        }, Ct.Bounded()));
        await writing.Task.WaitAsync(Ct.Bounded());

        // The redraw of the card the click answered: it must not reach Teams before that answer does.
        var redraw = fixture.Adapter.ContinueConversationAsync(TurnFixture.Reference, (turn, ct) =>
        {
            Record(events, "redraw");
            return Task.CompletedTask;
        }, Ct.Bounded());
        var redrawRanDuringTheAnswer = events.Contains("redraw");
        written.SetResult();
        await Task.WhenAll(click, redraw).WaitAsync(Ct.Bounded());

        Assert.False(redrawRanDuringTheAnswer);
        Assert.Equal(["click", "answer starts", "answer written", "redraw"], events);
    }

    [Fact]
    public async Task ProcessActivityAsync_WithAnAnswerWriter_HandsItTheInvokeResponseOnce()
    {
        var fixture = new TurnFixture();
        var answers = new List<InvokeResponse?>();

        await fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Invoke(), new RecordingBot([], "click"), answer =>
        {
            answers.Add(answer);
            return Task.CompletedTask;
        }, Ct.Bounded());

        // The bot set no invoke response: the adapter's own 501, as the overload without a writer returns.
        Assert.Equal(501, Assert.Single(answers)!.Status);
    }

    [Fact]
    public async Task ContinueConversationAsync_StateChangeMeetsAConcurrentChange_IsRerunOnFreshStateAndSentOnce()
    {
        var fixture = new TurnFixture();
        var bot = new TurnFixture.CounterBot(fixture.ConversationState);
        await fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Message("first"), bot, Ct.Bounded());
        fixture.Storage.BeforeNextWrite = ct => fixture.WriteCountAsync(5, ct);

        var result = await fixture.Adapter.ContinueConversationAsync(TurnFixture.Reference, bot.OnTurnAsync, Ct.Bounded());

        Assert.Equal(ProactiveTurnStatus.Completed, result.Status);
        Assert.Equal(6, await fixture.ReadCountAsync());
        Assert.Equal(1, fixture.Storage.ConflictCount);
        Assert.Equal(3, bot.Runs);
        Assert.Equal(["count 1", "count 6"], fixture.Connector.Calls.Select(c => c.Activity!.Text));
        Assert.Single(result.Responses);
    }

    [Fact]
    public async Task ContinueConversationAsync_NoStateTouched_WritesNothing()
    {
        var fixture = new TurnFixture();

        var result = await fixture.Adapter.ContinueConversationAsync(TurnFixture.Reference, (turn, ct) =>
            turn.SendActivityAsync(MessageFactory.Text("Kaizala Pro expires in 7 days"), ct), Ct.Bounded());

        Assert.Equal(ProactiveTurnStatus.Completed, result.Status);
        Assert.Equal(0, fixture.Storage.Inner.WriteCount);
    }

    [Fact]
    public async Task ContinueConversationAsync_CallbackThrows_IsContainedLoggedInScopeAndNothingLeaves()
    {
        var fixture = new TurnFixture();
        var failure = new InvalidOperationException("runner bug");
        var counter = fixture.ConversationState.CreateProperty<int>("count");

        var result = await fixture.Adapter.ContinueConversationAsync(TurnFixture.Reference, async (turn, ct) =>
        {
            await counter.SetAsync(turn, 42, ct);
            await turn.SendActivityAsync(MessageFactory.Text("half-done"), ct);
            throw failure;
        }, Ct.Bounded());

        Assert.Equal(ProactiveTurnStatus.CallbackFailed, result.Status);
        Assert.Same(failure, result.Failure);
        Assert.Empty(fixture.Connector.Calls);
        Assert.Null(await fixture.ReadCountAsync());
        var record = Assert.Single(fixture.Logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.Same(failure, record.Exception);
        var scope = Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(Assert.Single(record.Scopes));
        Assert.Contains(new KeyValuePair<string, object?>("ConversationId", "a:conv"), scope);
        Assert.Contains(new KeyValuePair<string, object?>("TurnKind", "Proactive"), scope);
    }

    [Fact]
    public async Task ContinueConversationAsync_TeamsSaysTheBotWasRemoved_ReportsTheConversationGoneWithoutATrace()
    {
        var fixture = new TurnFixture();
        fixture.Connector.FailWith = new ConnectorException("403") { StatusCode = System.Net.HttpStatusCode.Forbidden, ErrorCode = "BotNotInConversationRoster" };

        var result = await fixture.Adapter.ContinueConversationAsync(TurnFixture.Reference, (turn, ct) =>
            turn.SendActivityAsync(MessageFactory.Text("Kaizala Pro expires in 7 days"), ct), Ct.Bounded());

        Assert.Equal(ProactiveTurnStatus.SendFailed, result.Status);
        Assert.True(result.IsConversationGone);
        var record = Assert.Single(fixture.Logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Null(record.Exception);
    }

    [Fact]
    public async Task ContinueConversationAsync_CallerCancels_CancellationReachesTheCaller()
    {
        var fixture = new TurnFixture();
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Adapter.ContinueConversationAsync(TurnFixture.Reference, async (turn, ct) =>
        {
            await stop.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }, stop.Token));

        Assert.Empty(fixture.Logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task ContinueConversationAsync_FromABackgroundService_HasNoDeadline()
    {
        var fixture = new TurnFixture();
        DateTimeOffset? seen = DateTimeOffset.MinValue;
        fixture.Connector.OnCall = _ => seen = fixture.Deadline.Current;

        await fixture.Adapter.ContinueConversationAsync(TurnFixture.Reference, (turn, ct) =>
            turn.SendActivityAsync(MessageFactory.Text("digest"), ct), Ct.Bounded());

        Assert.Null(seen);
    }

    private static void Record(List<string> events, string name)
    {
        lock (events)
        {
            events.Add(name);
        }
    }

    private sealed class RecordingBot(List<string> events, string name) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Record(events, name);
            return Task.CompletedTask;
        }
    }

    private sealed class BlockingBot(List<string> events, TaskCompletionSource entered, TaskCompletionSource release) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Record(events, "inbound starts");
            entered.SetResult();
            await release.Task.WaitAsync(cancellationToken);
            Record(events, "inbound ends");
        }
    }
}
