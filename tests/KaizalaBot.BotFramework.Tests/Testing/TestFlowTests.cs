using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Testing;

namespace KaizalaBot.BotFramework.Tests.Testing;

public sealed class TestFlowTests
{
    /// <summary>Echoes text; sends no card.</summary>
    private sealed class EchoBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text("echo " + turnContext.Activity.Text), cancellationToken);
    }

    private static TestFlow Flow() => new(new TestAdapter([]), new EchoBot());

    [Fact]
    public async Task AssertReply_MatchingText_Passes()
    {
        var flow = Flow().Send("a").AssertReply("echo a").Send("b").AssertReply("echo b").AssertNoReply();

        await flow.StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task AssertReply_DifferentText_FailsNamingBoth()
    {
        var flow = Flow().Send("a").AssertReply("echo z");

        var error = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync(Ct.Bounded()));

        Assert.Equal("Expected the reply \"echo z\" but got \"echo a\".", error.Message);
    }

    [Fact]
    public async Task AssertReply_NoMoreReplies_Fails()
    {
        var flow = Flow().Send("a").AssertReply("echo a").AssertReply("echo a");

        await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync(Ct.Bounded()));
    }

    [Fact]
    public async Task AssertNoReply_UnreadReply_Fails()
    {
        var flow = Flow().Send("a").AssertNoReply();

        await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync(Ct.Bounded()));
    }

    [Fact]
    public async Task SendExecute_NoCardShown_Fails()
    {
        var flow = Flow().Send("a").SendExecute("go", null);

        var error = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync(Ct.Bounded()));

        Assert.Contains("Adaptive Card", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertInvokeResponse_AfterMessageTurn_Fails()
    {
        var flow = Flow().Send("a").AssertInvokeResponse(_ => { });

        await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync(Ct.Bounded()));
    }
}
