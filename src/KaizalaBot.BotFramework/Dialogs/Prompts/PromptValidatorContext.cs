using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

public sealed record PromptValidatorContext<T>
{
    private readonly Func<PromptOptions> _readOptions = static () => new PromptOptions();

    public required ITurnContext Context { get; init; }

    public required PromptRecognizerResult<T> Recognized { get; init; }

    /// <summary>The prompt's options, read from the dialog state when asked for (they hold its card, which few validators need).</summary>
    public PromptOptions Options
    {
        get => _readOptions();
        init => _readOptions = () => value;
    }

    /// <summary>Answers received so far, this one included (1 on the first answer).</summary>
    public required int AttemptCount { get; init; }

    /// <summary>How <see cref="Options"/> are read (the prompt reads them at most once a turn).</summary>
    internal Func<PromptOptions> OptionsReader { init => _readOptions = value; }
}
