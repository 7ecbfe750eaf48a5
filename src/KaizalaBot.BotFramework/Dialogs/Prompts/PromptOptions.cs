using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>What a prompt sends, and what it sends again after an invalid answer (the prompt when unset).</summary>
public sealed record PromptOptions
{
    public Activity? Prompt { get; init; }

    public Activity? RetryPrompt { get; init; }

    /// <summary>Free data for the validator (persisted with the prompt, so JSON).</summary>
    public JsonElement? Validations { get; init; }
}
