using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Recognises the first number in the message, read in the culture of the activity's locale only (so <c>1 234,5</c>
/// in French; no fallback to another culture, which would read a French <c>1,5</c> as fifteen), or the invariant
/// culture when the activity has no known locale. Integer types reject fractions.
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(
        ITurnContext turnContext, JsonObject state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        var text = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Task.FromResult(new PromptRecognizerResult<T>(false, default));
        }

        var culture = GetCulture(turnContext.Activity.Locale);
        var candidates = new[] { text }.Concat(text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var candidate in candidates)
        {
            var token = candidate.TrimEnd('.', '!', '?', ';', ':');
            if (T.TryParse(token, NumberStyles.Number, culture, out var value))
            {
                return Task.FromResult(new PromptRecognizerResult<T>(true, value));
            }
        }

        return Task.FromResult(new PromptRecognizerResult<T>(false, default));
    }

    private static CultureInfo GetCulture(string? locale)
    {
        if (string.IsNullOrEmpty(locale))
        {
            return CultureInfo.InvariantCulture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
