using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Testing;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.BotFramework.Tests.Builder;

/// <summary>An inbound turn is bounded by its own deadline, not by the HTTP caller: once saved, it replies.</summary>
public sealed class TurnCompletionTests
{
    [Fact]
    public async Task ProcessActivityAsync_CallerHangsUpAfterTheStateSave_RepliesStillReachTheConnector()
    {
        var fixture = new TurnFixture();
        using var caller = new CancellationTokenSource();
        fixture.Storage.BeforeNextWrite = _ =>
        {
            caller.Cancel();
            return Task.CompletedTask;
        };

        await fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Message("hi"), new TurnFixture.CounterBot(fixture.ConversationState), caller.Token);

        Assert.Equal(1, await fixture.ReadCountAsync());
        Assert.Equal(["count 1"], fixture.Connector.Calls.Select(c => c.Activity!.Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_StateChangingTurnWhoseCallerHangsUpMidConflict_RepliesExactlyOnce()
    {
        var fixture = new TurnFixture();
        var bot = new TurnFixture.CounterBot(fixture.ConversationState);
        await fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Message("first"), bot, Ct.Bounded());
        using var caller = new CancellationTokenSource();
        fixture.Storage.BeforeNextWrite = async ct =>
        {
            // Another instance changes the conversation while this turn saves, and the channel gives up waiting.
            await fixture.WriteCountAsync(5, ct);
            await caller.CancelAsync();
        };

        await fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Message("second"), bot, caller.Token);

        Assert.Equal(6, await fixture.ReadCountAsync());
        Assert.Equal(1, fixture.Storage.ConflictCount);
        Assert.Equal(["count 1", "count 6"], fixture.Connector.Calls.Select(c => c.Activity!.Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_CallerHangsUpBeforeAuthenticationEnds_TurnNeverRuns()
    {
        var fixture = new TurnFixture();
        var bot = new TurnFixture.CounterBot(fixture.ConversationState);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => fixture.Adapter.ProcessActivityAsync("Bearer forged", TurnFixture.Message("hi"), bot, CancellationToken.None));

        Assert.Equal(0, bot.Runs);
    }

    [Fact]
    public async Task ProcessActivityAsync_MessageTurnOutlivesTurnTimeout_IsCancelledAndApologises()
    {
        var fixture = new TurnFixture(new BotAdapterOptions { TurnTimeout = TimeSpan.FromSeconds(12) });
        var bot = new StallingBot();

        var turn = fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Message("hi", "fr-FR"), bot, CancellationToken.None);
        await bot.Started.Task.WaitAsync(Ct.Bounded());
        fixture.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.False(turn.IsCompleted);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var response = await turn.WaitAsync(Ct.Bounded());

        Assert.Null(response);
        Assert.Equal(["Désolé, une erreur s'est produite. Veuillez réessayer dans un instant."], fixture.Connector.Calls.Select(c => c.Activity!.Text));
        var logged = Assert.Single(fixture.Logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Null(logged.Exception);
    }

    [Fact]
    public async Task ProcessActivityAsync_CardActionOutlivesTurnTimeout_AnswersTheProtocolsError()
    {
        var fixture = new TurnFixture();
        var bot = new StallingBot();

        var turn = fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Invoke(), bot, CancellationToken.None);
        await bot.Started.Task.WaitAsync(Ct.Bounded());
        fixture.Time.Advance(new BotAdapterOptions().TurnTimeout);

        var answer = await turn.WaitAsync(Ct.Bounded());
        Assert.Equal(200, answer!.Status);
        Assert.Equal(500, answer.Body!.Value.GetProperty("statusCode").GetInt32());
        Assert.Equal(ContentTypes.Error, answer.Body.Value.GetProperty("type").GetString());
        Assert.Empty(fixture.Connector.Calls);
    }

    [Fact]
    public async Task ProcessActivityAsync_ConnectorCallsInsideTheTurn_SeeTheTurnDeadline()
    {
        var fixture = new TurnFixture(new BotAdapterOptions { TurnTimeout = TimeSpan.FromSeconds(12) });
        DateTimeOffset? seen = null;
        fixture.Connector.OnCall = _ => seen = fixture.Deadline.Current;

        await fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Message("hi"), new TurnFixture.CounterBot(fixture.ConversationState), Ct.Bounded());

        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromSeconds(12), seen);
        Assert.Null(fixture.Deadline.Current);
    }

    [Fact]
    public async Task ProcessActivityAsync_RefusedServiceUrl_IsAWarningWithoutTraceAndNoApology()
    {
        var fixture = new TurnFixture();
        fixture.Connector.FailWith = new ConnectorException("refused") { ErrorCode = ConnectorErrorCodes.UntrustedServiceUrl };

        await fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Message("hi"), new SendingBot(), Ct.Bounded());

        var record = Assert.Single(fixture.Logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Null(record.Exception);
        Assert.Contains(ConnectorErrorCodes.UntrustedServiceUrl, record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessActivityAsync_InvokeWhoseSendIsRefused_Answers400()
    {
        var fixture = new TurnFixture();
        fixture.Connector.FailWith = new ConnectorException("refused") { ErrorCode = ConnectorErrorCodes.UntrustedServiceUrl };

        var response = await fixture.Adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Invoke(), new UnbufferedSendingBot(), Ct.Bounded());

        Assert.Equal(400, response!.Status);
        Assert.Null(response.Body);
    }

    [Fact]
    public async Task ProcessActivityAsync_OwnFault_IsAnErrorWithTraceInsideTheTurnScope()
    {
        var fixture = new TurnFixture();
        var activity = TurnFixture.Message("hi");

        await fixture.Adapter.ProcessActivityAsync("Bearer ok", activity, new ThrowingBot(), Ct.Bounded());

        var record = Assert.Single(fixture.Logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(record.Exception);
        var scope = Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(Assert.Single(record.Scopes));
        Assert.Contains(new KeyValuePair<string, object?>("ConversationId", "a:conv"), scope);
        Assert.Contains(new KeyValuePair<string, object?>("ActivityId", activity.Id), scope);
    }

    private sealed class StallingBot : IBot
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
    }

    private sealed class SendingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text("hello"), cancellationToken);
    }

    private sealed class UnbufferedSendingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendTypingAsync(cancellationToken);
    }

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a bug");
    }
}
