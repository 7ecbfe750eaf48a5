using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Recognises the first number in the message, read in the culture of the activity's locale (so <c>1 234,5</c> in
/// French), falling back to the invariant culture. Integer types reject fractions.
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(
        ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
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
            if (TryParse(token, culture, out var value) || TryParse(token, CultureInfo.InvariantCulture, out value))
            {
                return Task.FromResult(new PromptRecognizerResult<T>(true, value));
            }
        }

        return Task.FromResult(new PromptRecognizerResult<T>(false, default));
    }

    private static bool TryParse(string text, CultureInfo culture, out T value) =>
        T.TryParse(text, NumberStyles.Number, culture, out value);

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
