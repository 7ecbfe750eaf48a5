using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Diagnostics;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.BotFramework.Tests.Builder;

/// <summary>
/// What an activity carries reaches the adapter's log lines and the turn's logging scope bounded and escaped, like the
/// rest of the edge code: a hostile id can neither forge a log line nor fill the log.
/// </summary>
public sealed class CloudAdapterLogTests
{
    private const string Forgery = "\r\nfail: Microsoft.Hosting[0] forged line\u001b[2J\u202E";
    private static readonly string HostileConversationId = "a:conv" + Forgery + new string('c', 10_000);
    private static readonly string HostileActivityId = "in-1" + Forgery + new string('a', 10_000);
    private static readonly string HostileType = "message" + Forgery + new string('t', 10_000);

    // LogValue keeps MaxLength characters, each rendered as at most six (\uXXXX), plus its "…(N more)" note.
    private const int MaxRendered = (6 * LogValue.MaxLength) + 20;

    private static Activity HostileMessage() => TurnFixture.Message("hi") with
    {
        Id = HostileActivityId,
        Type = HostileType,
        Conversation = new ConversationAccount { Id = HostileConversationId },
    };

    [Fact]
    public async Task ProcessActivityAsync_TurnFailsWithHostileIds_LogLineAndScopeCarryThemBoundedAndEscaped()
    {
        var fixture = new TurnFixture();

        await fixture.Adapter.ProcessActivityAsync("Bearer ok", HostileMessage(), new ThrowingBot(), Ct.Bounded());

        var record = Assert.Single(fixture.Logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        AssertBoundedAndEscaped(record.GetStructuredStateValue("ActivityType"), "message");
        AssertBoundedAndEscaped(record.GetStructuredStateValue("Conversation"), "msteams/conversations/a:conv");
        AssertSafeLine(record.Message);

        var scope = Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(Assert.Single(record.Scopes));
        AssertBoundedAndEscaped(Assert.IsType<string>(scope.Single(p => p.Key == "ConversationId").Value), "a:conv");
        AssertBoundedAndEscaped(Assert.IsType<string>(scope.Single(p => p.Key == "ActivityId").Value), "in-1");
        AssertSafeLine(scope.ToString()!);
    }

    [Fact]
    public async Task ProcessActivityAsync_TeamsRefusesWithAHostileErrorCode_WarningCarriesItBoundedAndEscaped()
    {
        var fixture = new TurnFixture();
        fixture.Connector.FailWith = new ConnectorException("refused") { ErrorCode = "Forbidden" + Forgery + new string('e', 10_000) };

        await fixture.Adapter.ProcessActivityAsync("Bearer ok", HostileMessage(), new SendingBot(), Ct.Bounded());

        var record = Assert.Single(fixture.Logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        AssertBoundedAndEscaped(record.GetStructuredStateValue("Reason"), "Forbidden");
        AssertBoundedAndEscaped(record.GetStructuredStateValue("Conversation"), "msteams/conversations/a:conv");
        AssertSafeLine(record.Message);
    }

    private static void AssertBoundedAndEscaped(string? logged, string expectedStart)
    {
        Assert.NotNull(logged);
        Assert.StartsWith(expectedStart + "\\r\\nfail: Microsoft.Hosting[0] forged line\\u001b[2J\\u202e", logged, StringComparison.Ordinal);
        Assert.InRange(logged.Length, 1, MaxRendered);
        Assert.EndsWith(" more)", logged, StringComparison.Ordinal);
    }

    // Three bounded values and the template's words: one line of ordinary characters.
    private static void AssertSafeLine(string line)
    {
        Assert.InRange(line.Length, 1, 4 * MaxRendered + 200);
        Assert.DoesNotContain(line, c => char.IsControl(c) || c == '\u202E');
    }

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the bot's own fault");
    }

    private sealed class SendingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text("hello"), cancellationToken);
    }
}
