namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>The persisted dialog stack, top = index 0 (<c>{"dialogStack":[{"id":…,"state":{…}}]}</c>).</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; init; } = [];

    /// <summary>
    /// Who started the dialogs on this stack (the user's Entra object id, or channel id without one): in a group chat or
    /// channel only they may answer its cards. Set when an empty stack gets its first dialog, cleared when it empties.
    /// </summary>
    public string? Owner { get; set; }
}
