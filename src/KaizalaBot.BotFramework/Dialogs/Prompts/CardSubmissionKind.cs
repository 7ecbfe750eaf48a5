namespace KaizalaBot.BotFramework.Dialogs.Prompts;

public enum CardSubmissionKind
{
    /// <summary><c>Action.Submit</c>: a message whose <c>value</c> is the action data merged with the inputs.</summary>
    Submit,

    /// <summary><c>Action.Execute</c>: an <c>adaptiveCard/action</c> invoke with a verb and data.</summary>
    Execute,
}
