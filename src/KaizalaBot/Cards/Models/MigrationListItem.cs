namespace KaizalaBot.Cards.Models;

public sealed record MigrationListItem(string MigrationId, string Title, string Detail, string State, string StateColor);
