using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Testing;

namespace KaizalaBot.BotFramework.Tests.Dialogs.Prompts;

public sealed class TextPromptTests
{
    [Fact]
    public async Task ContinueDialogAsync_Text_EndsWithTrimmedText()
    {
        var host = new PromptHost(new TextPrompt("text", null), new PromptOptions { Prompt = MessageFactory.Text("Name?") });

        await host.Flow()
            .Send("start").AssertReply(reply =>
            {
                Assert.Equal("Name?", reply.Text);
                Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
            })
            .Send("  Contoso  ").AssertReply("got Contoso")
            .StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task ContinueDialogAsync_ValidatorRejects_SendsRetryPromptAndCountsAttempts()
    {
        var attempts = new List<int>();
        var prompt = new TextPrompt("text", (context, _) =>
        {
            attempts.Add(context.AttemptCount);
            return Task.FromResult(context.Recognized.Value!.Length >= 3);
        });
        var host = new PromptHost(prompt, new PromptOptions
        {
            Prompt = MessageFactory.Text("Name?"),
            RetryPrompt = MessageFactory.Text("At least three letters, please."),
        });

        await host.Flow()
            .Send("start").AssertReply("Name?")
            .Send("ab").AssertReply("At least three letters, please.")
            .Send("x").AssertReply("At least three letters, please.")
            .Send("Contoso").AssertReply("got Contoso")
            .StartTestAsync(Ct.Bounded());

        Assert.Equal([1, 2, 3], attempts);
    }

    [Fact]
    public async Task ContinueDialogAsync_ValidatorReadsOptions_GetsTheValidationsTheStepGave()
    {
        var prompt = new TextPrompt("text", (context, _) =>
            Task.FromResult(context.Recognized.Value!.Length >= context.Options.Validations!.Value.GetProperty("minLength").GetInt32()));
        var host = new PromptHost(prompt, new PromptOptions
        {
            Prompt = MessageFactory.Text("Name?"),
            RetryPrompt = MessageFactory.Text("Too short."),
            Validations = JsonSerializer.SerializeToElement(new { minLength = 5 }),
        });

        await host.Flow()
            .Send("start").AssertReply("Name?")
            .Send("Fabr").AssertReply("Too short.")
            .Send("Fabrikam").AssertReply("got Fabrikam")
            .StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task ContinueDialogAsync_ValidatorSendsItsOwnMessage_SuppressesRetryPrompt()
    {
        var prompt = new TextPrompt("text", async (context, ct) =>
        {
            await context.Context.SendActivityAsync(MessageFactory.Text($"'{context.Recognized.Value}' is not a customer."), ct);
            return false;
        });
        var host = new PromptHost(prompt, new PromptOptions { Prompt = MessageFactory.Text("Name?"), RetryPrompt = MessageFactory.Text("Again?") });

        await host.Flow()
            .Send("start").AssertReply("Name?")
            .Send("Nobody").AssertReply("'Nobody' is not a customer.").AssertNoReply()
            .StartTestAsync(Ct.Bounded());
    }

    [Fact]
    public async Task ContinueDialogAsync_NoRetryPrompt_RepeatsPrompt()
    {
        var host = new PromptHost(new TextPrompt("text", (c, _) => Task.FromResult(false)), new PromptOptions { Prompt = MessageFactory.Text("Name?") });

        await host.Flow()
            .Send("start").AssertReply("Name?")
            .Send("anything").AssertReply("Name?")
            .StartTestAsync(Ct.Bounded());
    }
}
