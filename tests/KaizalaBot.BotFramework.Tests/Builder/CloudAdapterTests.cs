using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Tests.Builder;

public sealed class CloudAdapterTests
{
    private const string ConversationKey = "msteams/conversations/a:conv";

    private static Activity Message(string text, string locale = "en-US") => TurnFixture.Message(text, locale);

    private static CloudAdapter Create(IStorage storage, RecordingConnector connector, out ConversationState conversationState, string? acceptedHeader = "Bearer ok")
    {
        conversationState = new ConversationState(storage);
        return new CloudAdapter(new FakeAuthenticator(acceptedHeader), connector, [conversationState],
            Options.Create(new BotAdapterOptions()), NullLogger<CloudAdapter>.Instance);
    }

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Partner Center said: secret-token-xyz");
    }

    private static async Task WriteCountAsync(MemoryStorage storage, int count, CancellationToken ct) =>
        await storage.WriteAsync(ConversationKey, JsonSerializer.SerializeToElement(new { count }), WriteCondition.Unconditional, ct);

    [Fact]
    public async Task ProcessActivityAsync_AuthenticationFails_ThrowsAndBotNeverRuns()
    {
        var connector = new RecordingConnector();
        var adapter = Create(new ConflictInjectingStorage(), connector, out var state);
        var bot = new TurnFixture.CounterBot(state);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => adapter.ProcessActivityAsync("Bearer forged", Message("hi"), bot, Ct.Bounded()));

        Assert.Equal(0, bot.Runs);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task ProcessActivityAsync_ConcurrentTurnsOnOneConversation_BothAppliedOneAfterTheOther()
    {
        var storage = new ConflictInjectingStorage();
        var connector = new RecordingConnector();
        var adapter = Create(storage, connector, out var state);
        var bot = new TurnFixture.CounterBot(state);

        await Task.WhenAll(
            Task.Run(() => adapter.ProcessActivityAsync("Bearer ok", Message("a"), bot, Ct.Bounded())),
            Task.Run(() => adapter.ProcessActivityAsync("Bearer ok", Message("b"), bot, Ct.Bounded())));

        var stored = await storage.ReadAsync(ConversationKey, Ct.Bounded());
        Assert.Equal(2, stored!.Content.GetProperty("count").GetInt32());
        Assert.Equal(0, storage.ConflictCount);
        Assert.Equal(2, bot.Runs);
        Assert.Equal(["count 1", "count 2"], connector.Calls.Select(c => c.Activity!.Text).Order());
    }

    [Fact]
    public async Task ProcessActivityAsync_OtherInstanceWritesDuringTurn_TurnRerunOnFreshStateAndSentOnce()
    {
        var storage = new ConflictInjectingStorage();
        var connector = new RecordingConnector();
        var adapter = Create(storage, connector, out var state);
        var bot = new TurnFixture.CounterBot(state);
        await adapter.ProcessActivityAsync("Bearer ok", Message("first"), bot, Ct.Bounded());
        storage.BeforeNextWrite = ct => WriteCountAsync(storage.Inner, 5, ct);

        await adapter.ProcessActivityAsync("Bearer ok", Message("second"), bot, Ct.Bounded());

        var stored = await storage.ReadAsync(ConversationKey, Ct.Bounded());
        Assert.Equal(6, stored!.Content.GetProperty("count").GetInt32());
        Assert.Equal(1, storage.ConflictCount);
        Assert.Equal(3, bot.Runs);
        Assert.Equal(["count 1", "count 6"], connector.Calls.Select(c => c.Activity!.Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_ConflictOnEveryAttempt_GivesUpAfterMaxAttemptsWithApology()
    {
        var storage = new ConflictInjectingStorage();
        var connector = new RecordingConnector();
        var adapter = Create(storage, connector, out var state);
        var bot = new TurnFixture.CounterBot(state);
        var interference = 100;
        Func<CancellationToken, Task>? interfere = null;
        interfere = async ct =>
        {
            await WriteCountAsync(storage.Inner, ++interference, ct);
            storage.BeforeNextWrite = interfere;
        };
        storage.BeforeNextWrite = interfere;

        await adapter.ProcessActivityAsync("Bearer ok", Message("hi"), bot, Ct.Bounded());

        Assert.Equal(3, bot.Runs);
        Assert.Equal(3, storage.ConflictCount);
        Assert.Equal(["Sorry, something went wrong. Please try again in a moment."], connector.Calls.Select(c => c.Activity!.Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_MessagesSent_OnlyAfterStateSaved()
    {
        var storage = new ConflictInjectingStorage();
        var connector = new RecordingConnector();
        var adapter = Create(storage, connector, out var state);
        var writesSeenAtSend = new List<int>();
        connector.OnCall = _ => writesSeenAtSend.Add(storage.Inner.WriteCount);

        await adapter.ProcessActivityAsync("Bearer ok", Message("hi"), new TurnFixture.CounterBot(state), Ct.Bounded());

        Assert.Equal([1], writesSeenAtSend);
    }

    [Theory]
    [InlineData("en-US", "Sorry, something went wrong. Please try again in a moment.")]
    [InlineData("fr-CA", "Désolé, une erreur s'est produite. Veuillez réessayer dans un instant.")]
    public async Task ProcessActivityAsync_BotThrowsOnMessage_ApologisesWithoutDetail(string locale, string expected)
    {
        var connector = new RecordingConnector();
        var adapter = Create(new ConflictInjectingStorage(), connector, out _);

        var response = await adapter.ProcessActivityAsync("Bearer ok", Message("hi", locale), new ThrowingBot(), Ct.Bounded());

        Assert.Null(response);
        var sent = Assert.Single(connector.Calls).Activity!;
        Assert.Equal(expected, sent.Text);
        Assert.DoesNotContain("secret", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessActivityAsync_BotThrowsOnCardAction_AnswersTheProtocolsErrorWithTheApologyNotTheDetail()
    {
        var connector = new RecordingConnector();
        var adapter = Create(new ConflictInjectingStorage(), connector, out _);

        var response = await adapter.ProcessActivityAsync(
            "Bearer ok", Message("x") with { Type = ActivityTypes.Invoke, Name = InvokeNames.AdaptiveCardAction }, new ThrowingBot(), Ct.Bounded());

        Assert.Equal(200, response!.Status);
        var body = response.Body!.Value;
        Assert.Equal(500, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(ContentTypes.Error, body.GetProperty("type").GetString());
        Assert.Equal("BotError", body.GetProperty("value").GetProperty("code").GetString());
        Assert.Equal(new BotAdapterOptions().ErrorMessage, body.GetProperty("value").GetProperty("message").GetString());
        Assert.DoesNotContain("secret", body.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task ProcessActivityAsync_BotThrowsOnAnotherInvoke_Answers500WithoutBody()
    {
        var connector = new RecordingConnector();
        var adapter = Create(new ConflictInjectingStorage(), connector, out _);

        var response = await adapter.ProcessActivityAsync(
            "Bearer ok", Message("x") with { Type = ActivityTypes.Invoke, Name = "task/fetch" }, new ThrowingBot(), Ct.Bounded());

        Assert.Equal(new InvokeResponse(500, null), response);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task ProcessActivityAsync_InvokeNobodyAnswered_Returns501()
    {
        var adapter = Create(new ConflictInjectingStorage(), new RecordingConnector(), out var state);

        var response = await adapter.ProcessActivityAsync(
            "Bearer ok", Message("x") with { Type = ActivityTypes.Invoke, Name = "task/fetch" }, new TurnFixture.CounterBot(state), Ct.Bounded());

        Assert.Equal(501, response!.Status);
    }

    [Fact]
    public async Task ProcessActivityAsync_ConnectorFailsAfterSave_StateKeptAndNoRerun()
    {
        var storage = new ConflictInjectingStorage();
        var connector = new RecordingConnector { FailWith = new HttpRequestException("403 BotNotInConversationRoster") };
        var adapter = Create(storage, connector, out var state);
        var bot = new TurnFixture.CounterBot(state);

        var response = await adapter.ProcessActivityAsync("Bearer ok", Message("hi"), bot, Ct.Bounded());

        Assert.Null(response);
        Assert.Equal(1, bot.Runs);
        Assert.Equal(1, (await storage.ReadAsync(ConversationKey, Ct.Bounded()))!.Content.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ContinueConversationAsync_StoredReference_PostsNewMessageAndReturnsItsId()
    {
        var connector = new RecordingConnector();
        var adapter = Create(new ConflictInjectingStorage(), connector, out _);
        var reference = Message("hi").GetConversationReference() with { ActivityId = null };

        var result = await adapter.ContinueConversationAsync(reference, async (turn, ct) =>
        {
            await turn.SendActivityAsync(MessageFactory.Text("Kaizala Pro for Contoso expires in 7 days"), ct);
        }, Ct.Bounded());

        var (operation, sent, _) = Assert.Single(connector.Calls);
        Assert.Equal("SendToConversation", operation);
        Assert.Equal(ProactiveTurnStatus.Completed, result.Status);
        Assert.Equal("sent-1", Assert.Single(result.Responses).Id);
        Assert.Equal("28:bot", sent!.From!.Id);
        Assert.Equal("29:user", sent.Recipient!.Id);
        Assert.Equal("a:conv", sent.Conversation!.Id);
        Assert.Equal("https://smba.trafficmanager.net/emea/", sent.ServiceUrl);
    }

    [Fact]
    public async Task ProcessActivityAsync_BotThrows_LogsStructuredErrorWithoutAuthorizationHeader()
    {
        var logger = new FakeLogger<CloudAdapter>();
        var adapter = new CloudAdapter(new FakeAuthenticator("Bearer eyJ-secret"), new RecordingConnector(),
            [new ConversationState(new MemoryStorage())], Options.Create(new BotAdapterOptions()), logger);

        await adapter.ProcessActivityAsync("Bearer eyJ-secret", Message("hi"), new ThrowingBot(), Ct.Bounded());

        var entry = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Equal(ConversationKey, entry.GetStructuredStateValue("Conversation"));
        Assert.Equal(ActivityTypes.Message, entry.GetStructuredStateValue("ActivityType"));
        Assert.Equal("Turn of {ActivityType} in {Conversation} failed on attempt {Attempt}", entry.GetStructuredStateValue("{OriginalFormat}"));
        Assert.DoesNotContain("eyJ", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateConversationAsync_OneToOne_CreatesThenRunsTurnInNewConversation()
    {
        var connector = new TestConnectorClient();
        var adapter = new CloudAdapter(new FakeAuthenticator(null), connector, [], Options.Create(new BotAdapterOptions()), NullLogger<CloudAdapter>.Instance);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
        };
        string? turnName = null;

        var reference = await adapter.CreateConversationAsync(Channels.Msteams, "https://smba.trafficmanager.net/teams/", parameters, async (turn, ct) =>
        {
            turnName = turn.Activity.Name;
            await turn.SendActivityAsync(MessageFactory.Text("Reminder: Kaizala Pro expires soon"), ct);
        }, Ct.Bounded());

        Assert.Equal("CreateConversation", turnName);
        Assert.Equal("created-conversation-1", reference.Conversation!.Id);
        Assert.Equal("tenant-1", reference.Conversation.TenantId);
        Assert.Equal("29:user", reference.User!.Id);
        var sent = Assert.Single(connector.Replies);
        Assert.Equal("created-conversation-1", sent.Conversation!.Id);
        Assert.Equal("29:user", sent.Recipient!.Id);
        Assert.Equal("28:bot", sent.From!.Id);
        Assert.Null(sent.ReplyToId);
    }
}
