using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>Accepts any message with non-blank text.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator) : Prompt<string>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(
        ITurnContext turnContext, JsonObject state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        var text = turnContext.Activity.Text;
        return Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? new PromptRecognizerResult<string>(false, default)
            : new PromptRecognizerResult<string>(true, text.Trim()));
    }
}
