using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.Storage;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.BotFramework.Tests.Testing;

/// <summary>
/// One adapter on a virtual clock with storage that can play "another instance", a recording connector and a fake
/// logger, plus the activities and bots the turn tests share.
/// </summary>
internal sealed class TurnFixture
{
    public const string ConversationKey = "msteams/conversations/a:conv";

    public TurnFixture(BotAdapterOptions? options = null)
    {
        ConversationState = new ConversationState(Storage);
        Adapter = new CloudAdapter(new FakeAuthenticator("Bearer ok"), Connector, [ConversationState],
            Options.Create(options ?? new BotAdapterOptions()), Logger, Time, lifetime: null, Deadline);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public ConflictInjectingStorage Storage { get; } = new();

    public RecordingConnector Connector { get; } = new();

    public FakeLogger<CloudAdapter> Logger { get; } = new();

    public OutboundDeadline Deadline { get; } = new();

    public ConversationState ConversationState { get; }

    public CloudAdapter Adapter { get; }

    public static Activity Message(string text, string locale = "en-US") => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-" + Guid.NewGuid().ToString("N"),
        ChannelId = Channels.Msteams,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        Conversation = new ConversationAccount { Id = "a:conv" },
        From = new ChannelAccount { Id = "29:user" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Locale = locale,
        Text = text,
    };

    public static Activity Invoke() => Message("x") with { Type = ActivityTypes.Invoke, Name = InvokeNames.AdaptiveCardAction, Text = null };

    public static ConversationReference Reference => Message("hi").GetConversationReference() with { ActivityId = null };

    public Task WriteCountAsync(int count, CancellationToken ct) =>
        Storage.Inner.WriteAsync(ConversationKey, JsonSerializer.SerializeToElement(new { count }), WriteCondition.Unconditional, ct);

    public async Task<int?> ReadCountAsync() =>
        (await Storage.ReadAsync(ConversationKey, Ct.Bounded()))?.Content.GetProperty("count").GetInt32();

    /// <summary>
    /// Increments a counter in conversation state and says the new value (a state-changing turn); yields in between so
    /// turns can interleave if nothing keeps them apart.
    /// </summary>
    public sealed class CounterBot(ConversationState conversationState) : IBot
    {
        private readonly IStatePropertyAccessor<int> _count = conversationState.CreateProperty<int>("count");
        private int _runs;

        public int Runs => _runs;

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            var count = await _count.GetAsync(turnContext, () => 0, cancellationToken);
            await Task.Yield();
            await _count.SetAsync(turnContext, count + 1, cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text($"count {count + 1}"), cancellationToken);
        }
    }
}
