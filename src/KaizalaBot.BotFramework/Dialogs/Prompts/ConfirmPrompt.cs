using System.Collections.Frozen;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>Recognises yes/no answers in English and French (the two languages the bot speaks).</summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator) : Prompt<bool>(dialogId, validator)
{
    private static readonly FrozenSet<string> Yes = new[]
    {
        "yes", "y", "yeah", "yep", "ok", "okay", "sure", "true", "oui", "o", "ouais", "d'accord", "daccord",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> No = new[]
    {
        "no", "n", "nope", "false", "non",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(
        ITurnContext turnContext, JsonObject state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        var text = turnContext.Activity.Text?.Trim().TrimEnd('.', '!', '?').Trim() ?? string.Empty;
        var result = Yes.Contains(text) ? new PromptRecognizerResult<bool>(true, true)
            : No.Contains(text) ? new PromptRecognizerResult<bool>(true, false)
            : new PromptRecognizerResult<bool>(false, default);
        return Task.FromResult(result);
    }
}
