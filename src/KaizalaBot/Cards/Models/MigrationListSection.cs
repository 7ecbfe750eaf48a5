namespace KaizalaBot.Cards.Models;

public sealed record MigrationListSection(string Title, string Empty, IReadOnlyList<MigrationListItem> Items);
