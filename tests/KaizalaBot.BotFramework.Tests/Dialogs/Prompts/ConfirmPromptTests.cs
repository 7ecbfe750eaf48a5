using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Tests.Testing;

namespace KaizalaBot.BotFramework.Tests.Dialogs.Prompts;

public sealed class ConfirmPromptTests
{
    private static PromptHost Host() =>
        new(new ConfirmPrompt("confirm", null), new PromptOptions
        {
            Prompt = MessageFactory.Text("Proceed?"),
            RetryPrompt = MessageFactory.Text("Yes or no?"),
        });

    [Theory]
    [InlineData("yes", "got yes")]
    [InlineData("Oui", "got yes")]
    [InlineData("ok!", "got yes")]
    [InlineData("no", "got no")]
    [InlineData("NON.", "got no")]
    public async Task ContinueDialogAsync_EnglishOrFrenchAnswer_EndsWithBoolean(string answer, string expected)
    {
        await Host().Flow().Send("start").AssertReply("Proceed?").Send(answer).AssertReply(expected).StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task ContinueDialogAsync_Unrecognised_SendsRetryPrompt()
    {
        await Host().Flow().Send("start").AssertReply("Proceed?").Send("maybe").AssertReply("Yes or no?").Send("oui").AssertReply("got yes")
            .StartTestAsync(Ct.Bounded());
    }
}
