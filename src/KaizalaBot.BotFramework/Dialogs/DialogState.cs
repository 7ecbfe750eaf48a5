namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>The persisted dialog stack, top = index 0 (<c>{"dialogStack":[{"id":…,"state":{…}}]}</c>).</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; init; } = [];
}
