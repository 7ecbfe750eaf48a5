using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage.Memory;

namespace KaizalaBot.BotFramework.Tests.Dialogs.Prompts;

/// <summary>A one-prompt conversation: a waterfall asks with <c>prompt</c>, then echoes "got {result}".</summary>
internal sealed class PromptHost
{
    public PromptHost(Dialog prompt, PromptOptions options)
    {
        Storage = new MemoryStorage();
        var conversationState = new ConversationState(Storage);
        var root = new Root(prompt, options);
        Adapter = new TestAdapter([conversationState]);
        Bot = new DialogBot(root, conversationState);
    }

    public MemoryStorage Storage { get; }

    public TestAdapter Adapter { get; }

    public DialogBot Bot { get; }

    public TestFlow Flow() => new(Adapter, Bot);

    private sealed class Root : ComponentDialog
    {
        public Root(Dialog prompt, PromptOptions options)
            : base("root")
        {
            AddDialog(new WaterfallDialog<Unit>("ask", new Unit(),
            [
                (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                async (step, ct) =>
                {
                    var text = step.Result is bool b ? (b ? "yes" : "no") : Convert.ToString(step.Result, System.Globalization.CultureInfo.InvariantCulture);
                    await step.Context.SendActivityAsync(MessageFactory.Text($"got {text}"), ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ]));
            AddDialog(prompt);
        }
    }

    private sealed record Unit;
}
