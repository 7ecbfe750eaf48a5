using System.Globalization;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Testing;

/// <summary>
/// The SDK's <c>TestAdapter</c>: runs turns of one test conversation through the real <see cref="CloudAdapter"/>
/// turn loop (buffering, state saving with ETags, retries, invoke answers) with a recording connector and no
/// authentication. Pair it with <see cref="TestFlow"/>.
/// </summary>
public sealed class TestAdapter
{
    private readonly CloudAdapter _adapter;
    private int _nextId;

    /// <param name="states">The states the adapter saves after each turn, as <c>AddBotAdapter</c> would register them.</param>
    public TestAdapter(IEnumerable<BotState> states)
        : this(states, NullLogger<CloudAdapter>.Instance)
    {
    }

    public TestAdapter(IEnumerable<BotState> states, ILogger<CloudAdapter> logger)
    {
        Connector = new TestConnectorClient();
        _adapter = new CloudAdapter(new AllowAllAuthenticator(), Connector, states, Options.Create(new BotAdapterOptions()), logger);
        Conversation = new ConversationReference
        {
            ChannelId = Channels.Test,
            ServiceUrl = "https://test.invalid/",
            Conversation = new ConversationAccount { Id = "conversation-1", ConversationType = "personal" },
            User = new ChannelAccount { Id = "user-1", Name = "User", Role = "user" },
            Bot = new ChannelAccount { Id = "bot-1", Name = "Bot", Role = "bot" },
            Locale = "en-US",
        };
    }

    public TestConnectorClient Connector { get; }

    /// <summary>Who talks to whom; replace it (e.g. with another locale) before a flow starts.</summary>
    public ConversationReference Conversation { get; set; }

    /// <summary>An inbound activity of <paramref name="type"/> from the user, with a fresh id.</summary>
    public Activity MakeActivity(string type) => new()
    {
        Type = type,
        Id = "incoming-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture),
        ChannelId = Conversation.ChannelId,
        ServiceUrl = Conversation.ServiceUrl,
        Conversation = Conversation.Conversation,
        From = Conversation.User,
        Recipient = Conversation.Bot,
        Locale = Conversation.Locale,
    };

    /// <summary>
    /// Runs one turn; returns the invoke answer for an invoke (501 when none was set), otherwise <c>null</c>. Like a real
    /// turn it is bounded by <see cref="BotAdapterOptions.TurnTimeout"/>, not by <paramref name="cancellationToken"/>.
    /// </summary>
    public Task<InvokeResponse?> ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);

        return _adapter.RunInboundTurnAsync(activity, callback);
    }

    public Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        _adapter.ContinueConversationAsync(reference, callback, cancellationToken);
}
