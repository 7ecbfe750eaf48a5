namespace KaizalaBot.BotFramework.Dialogs.Prompts;

public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value);
