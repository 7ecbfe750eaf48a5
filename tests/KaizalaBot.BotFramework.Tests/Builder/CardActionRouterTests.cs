using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.BotFramework.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace KaizalaBot.BotFramework.Tests.Builder;

/// <summary>
/// Bot-level verb routes, as the reminder card's <c>Start migration</c> will use them: typed arguments, the same route for
/// Action.Execute and Action.Submit, answered the way the click came, ahead of any dialog.
/// </summary>
public sealed class CardActionRouterTests
{
    private const string StartMigration = "startMigration";

    /// <summary>What a reminder's button carries.</summary>
    private sealed record StartMigrationData
    {
        public required string CustomerId { get; init; }

        public required string SubscriptionId { get; init; }
    }

    /// <summary>An example route: answers with a card naming the customer and subscription it was given.</summary>
    private sealed class StartMigrationRoute : CardActionRoute<StartMigrationData>
    {
        public List<StartMigrationData> Started { get; } = [];

        public CardActionResult Answer { get; set; } = CardActionResult.None;

        public override string Verb => StartMigration;

        protected override Task<CardActionResult> OnActionAsync(CardActionContext<StartMigrationData> action, CancellationToken cancellationToken)
        {
            Started.Add(action.Data);
            return Task.FromResult(Answer.Kind == CardActionResultKind.Card
                ? CardActionResult.Card(Cards.Choice($"Migrating {action.Data.CustomerId} / {action.Data.SubscriptionId}", "cancelMigration"))
                : Answer);
        }
    }

    private sealed record ProgressData
    {
        public required string MigrationId { get; init; }
    }

    /// <summary>A route whose card has a refresh: its current view is recomputed.</summary>
    private sealed class ProgressRoute : CardActionRoute<ProgressData>
    {
        public int Refreshes { get; private set; }

        public override string Verb => "migrationProgress";

        protected override Task<CardActionResult> OnActionAsync(CardActionContext<ProgressData> action, CancellationToken cancellationToken) =>
            Task.FromResult(CardActionResult.None);

        protected override Task<CardActionResult> OnRefreshAsync(CardActionContext<ProgressData> action, CancellationToken cancellationToken)
        {
            Refreshes++;
            return Task.FromResult(CardActionResult.Card(Cards.Choice("Step B: 40 of 120 users moved")));
        }
    }

    private sealed class Harness
    {
        public Harness(params ICardActionRoute[] routes)
        {
            var services = new ServiceCollection().AddLogging();
            foreach (var route in routes)
            {
                services.AddSingleton(route);
            }

            services.AddCardActions();
            Provider = services.BuildServiceProvider();
            Adapter = new TestAdapter([]);
        }

        public ServiceProvider Provider { get; }

        public TestAdapter Adapter { get; }

        public bool? Routed { get; private set; }

        public Task<InvokeResponse?> RunAsync(Activity activity) =>
            Adapter.ProcessActivityAsync(activity, async (turn, ct) =>
            {
                using var scope = Provider.CreateScope();
                Routed = await scope.ServiceProvider.GetRequiredService<CardActionRouter>().TryRouteAsync(turn, ct);
            }, Ct.Bounded());

        public Activity Execute(string verb, object data, string trigger = "manual") => Adapter.MakeActivity(ActivityTypes.Invoke) with
        {
            Name = InvokeNames.AdaptiveCardAction,
            ReplyToId = "reminder-card",
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data }, trigger }),
        };

        public Activity Submit(object value) => Adapter.MakeActivity(ActivityTypes.Message) with
        {
            ReplyToId = "reminder-card",
            Value = JsonSerializer.SerializeToElement(value),
        };
    }

    private static JsonElement Body(InvokeResponse? response)
    {
        Assert.Equal(200, response!.Status);
        return response.Body!.Value;
    }

    [Fact]
    public async Task TryRouteAsync_ExecuteWithArguments_RouteGetsThemTypedAndItsCardReplacesTheClickedOne()
    {
        var route = new StartMigrationRoute { Answer = CardActionResult.Card(default) };
        var harness = new Harness(route);

        var response = await harness.RunAsync(harness.Execute(StartMigration, new { customerId = "contoso", subscriptionId = "sub-1" }));

        Assert.True(harness.Routed);
        Assert.Equal(new StartMigrationData { CustomerId = "contoso", SubscriptionId = "sub-1" }, Assert.Single(route.Started));
        var body = Body(response);
        Assert.Equal(ContentTypes.AdaptiveCard, body.GetProperty("type").GetString());
        Assert.Equal("Migrating contoso / sub-1", Cards.Title(body.GetProperty("value")));
        Assert.Empty(harness.Adapter.Connector.Replies);
    }

    [Fact]
    public async Task TryRouteAsync_SubmitFallbackWithVerbInData_SameRouteAndTheClickedMessageIsUpdated()
    {
        var route = new StartMigrationRoute { Answer = CardActionResult.Card(default) };
        var harness = new Harness(route);

        var response = await harness.RunAsync(harness.Submit(new { verb = StartMigration, customerId = "contoso", subscriptionId = "sub-1" }));

        Assert.Null(response);
        Assert.Equal("contoso", Assert.Single(route.Started).CustomerId);
        var update = Assert.Single(harness.Adapter.Connector.Replies);
        Assert.Equal("reminder-card", update.Id);
        Assert.Equal("Migrating contoso / sub-1", Cards.Title(update.Attachments![0].Content!.Value));
    }

    [Fact]
    public async Task TryRouteAsync_MessageAnswer_IsAToastForExecuteAndAChatMessageForSubmit()
    {
        var route = new StartMigrationRoute { Answer = CardActionResult.Message("Snoozed for 7 days") };
        var harness = new Harness(route);
        var data = new { verb = StartMigration, customerId = "contoso", subscriptionId = "sub-1" };

        var execute = await harness.RunAsync(harness.Execute(StartMigration, data));
        await harness.RunAsync(harness.Submit(data));

        Assert.Equal("Snoozed for 7 days", Body(execute).GetProperty("value").GetString());
        Assert.Equal("Snoozed for 7 days", Assert.Single(harness.Adapter.Connector.Replies).Text);
    }

    [Fact]
    public async Task TryRouteAsync_NoAnswerToAnExecute_IsAcknowledged()
    {
        var harness = new Harness(new StartMigrationRoute());

        var response = await harness.RunAsync(harness.Execute(StartMigration, new { customerId = "c", subscriptionId = "s" }));

        Assert.Equal("Done.", Body(response).GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("""{"customerId":"contoso"}""")]
    [InlineData("""{"customerId":42,"subscriptionId":"s"}""")]
    [InlineData("""["not","an","object"]""")]
    public async Task TryRouteAsync_DataThatDoesNotFit_Execute400AndTheRouteNeverRuns(string data)
    {
        var route = new StartMigrationRoute();
        var harness = new Harness(route);

        var response = await harness.RunAsync(harness.Execute(StartMigration, JsonDocument.Parse(data).RootElement));

        Assert.Empty(route.Started);
        var body = Body(response);
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("BadRequest", body.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TryRouteAsync_SubmitWhoseDataDoesNotFit_RefusedAsAnInactiveCard()
    {
        var route = new StartMigrationRoute();
        var harness = new Harness(route);

        await harness.RunAsync(harness.Submit(new { verb = StartMigration }));

        Assert.Empty(route.Started);
        Assert.StartsWith("This card is no longer active", Assert.Single(harness.Adapter.Connector.Replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryRouteAsync_AutomaticRefresh_GetsTheCurrentViewFromTheHookNotTheAction()
    {
        var progress = new ProgressRoute();
        var harness = new Harness(progress);

        var response = await harness.RunAsync(harness.Execute("migrationProgress", new { migrationId = "m-1" }, trigger: "automatic"));

        Assert.Equal(1, progress.Refreshes);
        Assert.Equal("Step B: 40 of 120 users moved", Cards.Title(Body(response).GetProperty("value")));
    }

    [Fact]
    public async Task TryRouteAsync_AutomaticRefreshWithoutAHook_LeavesTheCardAsItIs()
    {
        var route = new StartMigrationRoute();
        var harness = new Harness(route);

        var response = await harness.RunAsync(harness.Execute(StartMigration, new { customerId = "c", subscriptionId = "s" }, trigger: "automatic"));

        Assert.Empty(route.Started);
        Assert.Equal(new InvokeResponse(200, null), response);
    }

    [Fact]
    public async Task TryRouteAsync_VerbWithoutRouteOrNoClick_LeavesTheTurnToTheDialog()
    {
        var harness = new Harness(new StartMigrationRoute());

        await harness.RunAsync(harness.Execute("choosePlan", new { plan = "E3" }));
        Assert.False(harness.Routed);
        await harness.RunAsync(harness.Adapter.MakeActivity(ActivityTypes.Message) with { Text = "help" });
        Assert.False(harness.Routed);
    }

    [Fact]
    public void Constructor_TwoRoutesForOneVerb_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new CardActionRouter([new StartMigrationRoute(), new StartMigrationRoute()], NullLogger<CardActionRouter>.Instance));

        Assert.Contains(StartMigration, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_TwoRoutesForOneVerb_FailsBeforeAnyTurn()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCardActionRoute<StartMigrationRoute>();
        builder.Services.AddCardActionRoute<StartMigrationRoute>();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => host.StartAsync());

        Assert.Contains(StartMigration, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_DistinctVerbs_Starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCardActionRoute<StartMigrationRoute>();
        builder.Services.AddCardActionRoute<ProgressRoute>();
        using var host = builder.Build();

        await host.StartAsync();

        using var scope = host.Services.CreateScope();
        Assert.Equal(2, scope.ServiceProvider.GetServices<ICardActionRoute>().Count());
        await host.StopAsync();
    }
}
