using System.Text.Json;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// A card answer, the same for both paths: the verb (for <c>Action.Submit</c>, the data's <c>verb</c> field, which
/// <see cref="AdaptiveCardPrompt"/> copies from an <c>Action.Execute</c> into its <c>Action.Submit</c> fallback) and
/// the data merged with the card's inputs, without the prompt's stamp.
/// </summary>
public sealed record CardSubmission
{
    public string? Verb { get; init; }

    public required JsonElement Data { get; init; }

    public required CardSubmissionKind Kind { get; init; }
}
