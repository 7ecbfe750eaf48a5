using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Testing;

namespace KaizalaBot.BotFramework.Tests.Builder;

public sealed class ActivityHandlerTests
{
    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("message");

        protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("membersAdded:" + string.Join(",", membersAdded.Select(m => m.Id)));

        protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("install");

        protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("uninstall");

        protected override Task OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
            Record("execute:" + invokeValue.Action!.Verb);

        protected override Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("event");

        private Task Record(string call)
        {
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }

    private static TurnContext Turn(Activity activity) => new(activity with
    {
        ChannelId = Channels.Msteams,
        Conversation = new ConversationAccount { Id = "a:c" },
        From = new ChannelAccount { Id = "29:user" },
        Recipient = new ChannelAccount { Id = "28:bot" },
    }, new RecordingConnector(), buffered: false);

    public static TheoryData<string, string?, string?> Routes() => new()
    {
        { ActivityTypes.Message, null, "message" },
        { ActivityTypes.InstallationUpdate, "add", "install" },
        { ActivityTypes.InstallationUpdate, "add-upgrade", "install" },
        { ActivityTypes.InstallationUpdate, "remove", "uninstall" },
        { ActivityTypes.InstallationUpdate, "remove-upgrade", "uninstall" },
        { ActivityTypes.Event, null, "event" },
        { "somethingNew", null, null },
        { ActivityTypes.MessageReaction, null, null },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task OnTurnAsync_ActivityType_RoutesToMatchingHandler(string type, string? action, string? expected)
    {
        var handler = new RecordingHandler();

        await handler.OnTurnAsync(Turn(new Activity { Type = type, Action = action }), Ct.Bounded());

        Assert.Equal(expected is null ? [] : [expected], handler.Calls);
    }

    [Fact]
    public async Task OnTurnAsync_ConversationUpdateAddingOnlyTheBot_DoesNotCallMembersAdded()
    {
        var handler = new RecordingHandler();

        await handler.OnTurnAsync(Turn(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new() { Id = "28:bot" }] }), Ct.Bounded());

        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task OnTurnAsync_ConversationUpdateAddingUserAndBot_PassesOnlyTheUser()
    {
        var handler = new RecordingHandler();

        await handler.OnTurnAsync(
            Turn(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new() { Id = "28:bot" }, new() { Id = "29:user" }] }), Ct.Bounded());

        Assert.Equal(["membersAdded:29:user"], handler.Calls);
    }

    [Fact]
    public async Task OnTurnAsync_AdaptiveCardAction_PassesVerb()
    {
        var handler = new RecordingHandler();
        var value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "startMigration", data = new { } } });

        await handler.OnTurnAsync(Turn(new Activity { Type = ActivityTypes.Invoke, Name = InvokeNames.AdaptiveCardAction, Value = value }), Ct.Bounded());

        Assert.Equal(["execute:startMigration"], handler.Calls);
    }

    [Fact]
    public async Task OnTurnAsync_AdaptiveCardActionWithoutAction_Answers400BadRequest()
    {
        var handler = new RecordingHandler();
        var turn = Turn(new Activity { Type = ActivityTypes.Invoke, Name = InvokeNames.AdaptiveCardAction, Value = JsonSerializer.SerializeToElement(new { trigger = "manual" }) });

        await handler.OnTurnAsync(turn, Ct.Bounded());

        Assert.Empty(handler.Calls);
        var body = turn.InvokeResponse!.Body!.Value;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(ContentTypes.Error, body.GetProperty("type").GetString());
        Assert.Equal("BadRequest", body.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task OnTurnAsync_OtherInvoke_LeavesItUnanswered()
    {
        var handler = new RecordingHandler();
        var turn = Turn(new Activity { Type = ActivityTypes.Invoke, Name = "task/fetch" });

        await handler.OnTurnAsync(turn, Ct.Bounded());

        Assert.Null(turn.InvokeResponse);
        Assert.Empty(handler.Calls);
    }
}
