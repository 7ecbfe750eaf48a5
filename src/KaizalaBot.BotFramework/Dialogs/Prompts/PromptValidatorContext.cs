using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

public sealed record PromptValidatorContext<T>
{
    public required ITurnContext Context { get; init; }

    public required PromptRecognizerResult<T> Recognized { get; init; }

    public required PromptOptions Options { get; init; }

    /// <summary>Answers received so far, this one included (1 on the first answer).</summary>
    public required int AttemptCount { get; init; }
}
