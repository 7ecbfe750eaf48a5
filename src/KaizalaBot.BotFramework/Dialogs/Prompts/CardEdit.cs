namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// One change <see cref="CardStamp"/> makes to a card's bytes: <paramref name="Removed"/> bytes at <paramref name="At"/>
/// (0 for an insertion) replaced with <paramref name="Text"/>, which is JSON already (names and strings escaped).
/// </summary>
internal readonly record struct CardEdit(int At, int Removed, string Text);
