using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Tests.Testing;

namespace KaizalaBot.BotFramework.Tests.Dialogs.Prompts;

public sealed class NumberPromptTests
{
    private static PromptHost Host(PromptValidator<int>? validator) =>
        new(new NumberPrompt<int>("number", validator), new PromptOptions
        {
            Prompt = MessageFactory.Text("How many licences?"),
            RetryPrompt = MessageFactory.Text("Please enter a number."),
        });

    [Theory]
    [InlineData("25", "got 25")]
    [InlineData("I need 40 licences", "got 40")]
    [InlineData("1,200", "got 1200")]
    public async Task ContinueDialogAsync_NumberInText_EndsWithNumber(string answer, string expected)
    {
        var host = Host(null);

        await host.Flow().Send("start").AssertReply("How many licences?").Send(answer).AssertReply(expected).StartTestAsync(Ct.Bounded());
    }

    [Theory]
    [InlineData("twelve")]
    [InlineData("2.5")]
    [InlineData("")]
    public async Task ContinueDialogAsync_NoInteger_SendsRetryPrompt(string answer)
    {
        var host = Host(null);

        await host.Flow().Send("start").AssertReply("How many licences?").Send(answer).AssertReply("Please enter a number.").StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task ContinueDialogAsync_FrenchLocale_ReadsFrenchGrouping()
    {
        var host = Host(null);
        host.Adapter.Conversation = host.Adapter.Conversation with { Locale = "fr-FR" };

        await host.Flow().Send("start").AssertReply("How many licences?").Send("1\u202f200").AssertReply("got 1200").StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task ContinueDialogAsync_FrenchDecimalComma_NotReadAsThousands()
    {
        var host = Host(null);
        host.Adapter.Conversation = host.Adapter.Conversation with { Locale = "fr-FR" };

        await host.Flow().Send("start").AssertReply("How many licences?").Send("1,5").AssertReply("Please enter a number.").StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task ContinueDialogAsync_ValidatorRangeCheck_RetriesUntilInRange()
    {
        var host = Host((context, _) => Task.FromResult(context.Recognized.Succeeded && context.Recognized.Value is > 0 and <= 300));

        await host.Flow()
            .Send("start").AssertReply("How many licences?")
            .Send("0").AssertReply("Please enter a number.")
            .Send("301").AssertReply("Please enter a number.")
            .Send("300").AssertReply("got 300")
            .StartTestAsync(Ct.Bounded());
    }
}
