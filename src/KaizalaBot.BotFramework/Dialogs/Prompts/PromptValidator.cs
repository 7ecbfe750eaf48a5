namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>Decides whether a recognised answer is acceptable; sending a message from it suppresses the retry prompt.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
