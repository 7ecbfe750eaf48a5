using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Tests.Builder;

/// <summary>
/// A failed turn's answer says what the host can name of the failure (<see cref="ITurnFailureMessages"/>), in the chat
/// for a message and in the card action's error answer for an invoke; anything else, or a host message that itself
/// fails, gets the generic apology. The failed turn saves no state either way.
/// </summary>
public sealed class TurnFailureMessagesTests
{
    private sealed class DependencyDown : Exception
    {
        public DependencyDown()
            : base("upstream said: secret-token-xyz")
        {
        }
    }

    private sealed class NamedFailures : ITurnFailureMessages
    {
        public string? MessageFor(Exception exception, Activity activity) => exception switch
        {
            DependencyDown => activity.Locale == "fr-FR" ? "Le service ne répond pas." : "The service is not answering.",
            NotSupportedException => throw new InvalidOperationException("the message itself failed"),
            _ => null,
        };
    }

    private sealed class FailingBot(Exception failure, ConversationState state) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var count = state.CreateProperty<int>("count");
            await count.SetAsync(turnContext, await count.GetAsync(turnContext, () => 0, cancellationToken) + 1, cancellationToken);
            throw failure;
        }
    }

    private static (CloudAdapter Adapter, RecordingConnector Connector, MemoryStorage Storage, ConversationState State) Create()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var connector = new RecordingConnector();
        var adapter = new CloudAdapter(new FakeAuthenticator("Bearer ok"), connector, [state], Options.Create(new BotAdapterOptions()),
            NullLogger<CloudAdapter>.Instance, failureMessages: new NamedFailures());
        return (adapter, connector, storage, state);
    }

    [Theory]
    [InlineData("en-US", "The service is not answering.")]
    [InlineData("fr-FR", "Le service ne répond pas.")]
    public async Task Message_FailureTheHostNames_IsToldInTheChatAndNothingIsSaved(string locale, string expected)
    {
        var (adapter, connector, storage, state) = Create();

        await adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Message("hi", locale), new FailingBot(new DependencyDown(), state), Ct.Bounded());

        Assert.Equal([expected], connector.Calls.Select(c => c.Activity!.Text));
        Assert.Null(await storage.ReadAsync(TurnFixture.ConversationKey, Ct.Bounded()));
    }

    [Fact]
    public async Task CardAction_FailureTheHostNames_IsTheErrorAnswersMessage()
    {
        var (adapter, connector, storage, state) = Create();

        var answer = await adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Invoke(), new FailingBot(new DependencyDown(), state), Ct.Bounded());

        Assert.Equal(200, answer!.Status);
        Assert.Equal(500, answer.Body!.Value.GetProperty("statusCode").GetInt32());
        Assert.Equal("The service is not answering.", answer.Body.Value.GetProperty("value").GetProperty("message").GetString());
        Assert.DoesNotContain("secret", answer.Body.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(connector.Calls);
        Assert.Null(await storage.ReadAsync(TurnFixture.ConversationKey, Ct.Bounded()));
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(NotSupportedException))]
    public async Task Message_FailureTheHostDoesNotName_OrWhoseMessageFails_GetsTheGenericApology(Type failure)
    {
        var (adapter, connector, _, state) = Create();

        await adapter.ProcessActivityAsync("Bearer ok", TurnFixture.Message("hi", "en-US"), new FailingBot((Exception)Activator.CreateInstance(failure)!, state), Ct.Bounded());

        Assert.Equal([new BotAdapterOptions().ErrorMessage], connector.Calls.Select(c => c.Activity!.Text));
    }
}
