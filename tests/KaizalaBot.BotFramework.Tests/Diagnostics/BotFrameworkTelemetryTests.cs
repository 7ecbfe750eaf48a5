using System.Diagnostics;
using System.Diagnostics.Metrics;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Diagnostics;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Tests.Support.Protocol;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage.Memory;
using KaizalaBot.Testing.Diagnostics;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.BotFramework.Tests.Diagnostics;

/// <summary>
/// What the protocol layer reports: a span per turn (sanitised ids, outcome, failure kind without the exception's text),
/// turn and error counts, Teams' 429s on the connector's span and counter, and the background send queue.
/// </summary>
public sealed class BotFrameworkTelemetryTests : IAsyncLifetime
{
    private static readonly ActivitySource Test = new("KaizalaBot.BotFramework.Tests");

    private readonly SpanRecorder _spans = new(BotFrameworkTelemetry.Name, Test.Name);
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<ServiceProvider> _services = [];
    private RecordingConnectorServer _connector = null!;

    private IMeterFactory MeterFactory => _metrics.GetRequiredService<IMeterFactory>();

    public async Task InitializeAsync() => _connector = await RecordingConnectorServer.StartAsync();

    public async Task DisposeAsync()
    {
        _spans.Dispose();
        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }

        await _metrics.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ProcessActivityAsync_HostileIds_TurnSpanCarriesThemEscapedAndBounded()
    {
        var conversationId = "a:conv\n\u202Eforged" + new string('x', 400);
        var activity = TurnFixture.Message("hi") with { Id = "in\r\n1", Conversation = new ConversationAccount { Id = conversationId } };

        await Adapter(out _).ProcessActivityAsync("Bearer ok", activity, new EchoBot(), CancellationToken.None);

        var turn = Assert.Single(_spans.Spans, s => s.OperationName == "bot.turn" && ((string?)s.GetTagItem(TelemetryTags.ActivityId)) == "in\\r\\n1");
        var recorded = (string)turn.GetTagItem(TelemetryTags.ConversationId)!;
        Assert.StartsWith("a:conv\\n\\u202eforged", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', recorded);
        Assert.True(recorded.Length < 200, $"{recorded.Length} characters");
        Assert.Equal("inbound", turn.GetTagItem(TelemetryTags.TurnKind));
        Assert.Equal(ActivityTypes.Message, turn.GetTagItem(TelemetryTags.ActivityType));
        Assert.Equal(Channels.Msteams, turn.GetTagItem(TelemetryTags.ChannelId));
        Assert.Equal("completed", turn.GetTagItem(TelemetryTags.Outcome));
    }

    [Fact]
    public async Task ProcessActivityAsync_BotThrows_CountedAsOwnFaultAndSpanCarriesNoExceptionText()
    {
        using var turns = new MetricCollector<long>(MeterFactory, BotFrameworkTelemetry.Name, "kaizalabot.turns");
        using var errors = new MetricCollector<long>(MeterFactory, BotFrameworkTelemetry.Name, "kaizalabot.turn.errors");
        using var durations = new MetricCollector<double>(MeterFactory, BotFrameworkTelemetry.Name, "kaizalabot.turn.duration");
        using var test = Test.StartActivity("throwing turn")!;

        await Adapter(out _).ProcessActivityAsync("Bearer ok", TurnFixture.Message("hi"), new ThrowingBot(), CancellationToken.None);

        var turn = Assert.Single(_spans.InTrace(test.TraceId), s => s.OperationName == "bot.turn");
        Assert.Equal(ActivityStatusCode.Error, turn.Status);
        Assert.Equal("own_fault", turn.GetTagItem(TelemetryTags.ErrorType));
        Assert.Equal("failed", turn.GetTagItem(TelemetryTags.Outcome));
        Assert.DoesNotContain(turn.TagObjects, tag => tag.Value?.ToString()?.Contains("secret", StringComparison.Ordinal) == true);
        Assert.Empty(turn.Events);
        var error = Assert.Single(errors.GetMeasurementSnapshot());
        Assert.Equal("own_fault", error.Tags[TelemetryTags.ErrorType]);
        Assert.Equal("turn", error.Tags[TelemetryTags.Phase]);
        var counted = Assert.Single(turns.GetMeasurementSnapshot());
        Assert.Equal("failed", counted.Tags[TelemetryTags.Outcome]);
        Assert.Equal(ActivityTypes.Message, counted.Tags[TelemetryTags.ActivityType]);
        Assert.Single(durations.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task ContinueConversationAsync_ProactiveTurn_IsItsOwnKindWithTheConnectorCallBeneath()
    {
        using var turns = new MetricCollector<long>(MeterFactory, BotFrameworkTelemetry.Name, "kaizalabot.turns");
        using var test = Test.StartActivity("proactive")!;
        var adapter = Adapter(out var connector);

        await adapter.ContinueConversationAsync(TurnFixture.Reference, (turn, ct) => turn.SendActivityAsync(MessageFactory.Text("reminder"), ct), CancellationToken.None);

        var turnSpan = Assert.Single(_spans.InTrace(test.TraceId), s => s.OperationName == "bot.proactive_turn");
        Assert.Equal("proactive", turnSpan.GetTagItem(TelemetryTags.TurnKind));
        Assert.Equal(test.SpanId, turnSpan.ParentSpanId);
        Assert.Equal("proactive", Assert.Single(turns.GetMeasurementSnapshot()).Tags[TelemetryTags.TurnKind]);
        Assert.Single(connector.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_Teams429ThenSuccess_CountsTheThrottleAndTheSpanShowsTheRetry()
    {
        // The attempt timeout is longer than a virtual step, so virtual time never fires it while a real request is in flight.
        var time = new TrackingFakeTimeProvider();
        var services = ConnectorServices.Create(time, new BotConnectorOptions { AllowLoopbackServiceUrls = true, RequestTimeout = TimeSpan.FromMinutes(5) }, "6c1a7a4e-2d1f-4a8e-9b3c-0f1e2d3c4b5a", new FakeBotTokenProvider(), new SocketsHttpHandler());
        _services.Add(services);
        using var throttled = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), BotFrameworkTelemetry.Name, "kaizalabot.connector.throttled");
        using var calls = new MetricCollector<double>(services.GetRequiredService<IMeterFactory>(), BotFrameworkTelemetry.Name, "kaizalabot.connector.call.duration");
        _connector.Enqueue(new ScriptedResponse(429, """{"error":{"code":"Throttled"}}""", new Dictionary<string, string> { ["Retry-After"] = "3" }));
        using var test = Test.StartActivity("throttled send")!;

        await time.RunAsync(services.GetRequiredService<IConnectorClient>().SendToConversationAsync(ConnectorMessage(), CancellationToken.None), TimeSpan.FromMinutes(1));

        var span = Assert.Single(_spans.InTrace(test.TraceId), s => s.OperationName == "connector SendToConversation");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(1, span.GetTagItem(TelemetryTags.Retries));
        Assert.Equal(true, span.GetTagItem(TelemetryTags.Throttled));
        Assert.Equal(200, span.GetTagItem(TelemetryTags.StatusCode));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        var measurement = Assert.Single(throttled.GetMeasurementSnapshot());
        Assert.Equal("teams", measurement.Tags[TelemetryTags.ThrottleSource]);
        Assert.Equal("SendToConversation", measurement.Tags[TelemetryTags.ConnectorOperation]);
        Assert.Equal(200, Assert.Single(calls.GetMeasurementSnapshot()).Tags[TelemetryTags.StatusCode]);
    }

    [Fact]
    public async Task AcquireAsync_BackgroundSendsBeyondTheLimit_QueuedSendsGoUpThenDrain()
    {
        var time = new FakeTimeProvider();
        var options = new BotConnectorOptions { ConversationRateLimits = [new RateLimitRule(1, TimeSpan.FromSeconds(1))] };
        using var telemetry = new BotFrameworkTelemetry(MeterFactory, time);
        using var limiter = new TeamsRateLimiter(Options.Create(options), time, NullLogger<TeamsRateLimiter>.Instance, telemetry);
        using var queued = new MetricCollector<long>(MeterFactory, BotFrameworkTelemetry.Name, "kaizalabot.connector.queued_sends");
        var send = new OutboundRequest("a:conv", "tenant", Deadline: null);

        var waits = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync(send, 1, CancellationToken.None).AsTask()).ToList();
        queued.RecordObservableInstruments();
        var whileQueued = queued.LastMeasurement!.Value;
        time.Advance(TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        var leases = await Task.WhenAll(waits);
        queued.RecordObservableInstruments();

        Assert.Equal(2, whileQueued);
        Assert.Equal(0, queued.LastMeasurement!.Value);
        Assert.All(leases, lease => Assert.True(lease.IsAcquired));
    }

    private CloudAdapter Adapter(out RecordingConnector connector)
    {
        connector = new RecordingConnector();
        return new CloudAdapter(new FakeAuthenticator("Bearer ok"), connector, [new ConversationState(new MemoryStorage())],
            Options.Create(new BotAdapterOptions()), NullLogger<CloudAdapter>.Instance, telemetry: new BotFrameworkTelemetry(MeterFactory));
    }

    private Activity ConnectorMessage() => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = _connector.ServiceUrl,
        ChannelId = Channels.Msteams,
        Conversation = new ConversationAccount { Id = "a:conv" },
        Text = "Hello",
    };

    private sealed class EchoBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text("echo"), cancellationToken);
    }

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Partner Center said: secret-token-xyz");
    }
}
