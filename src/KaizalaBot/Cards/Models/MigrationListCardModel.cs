namespace KaizalaBot.Cards.Models;

/// <summary>status, history, resume and cancel: migrations in sections, each opened with its own card.</summary>
public sealed record MigrationListCardModel(string Title, string Intro, IReadOnlyList<MigrationListSection> Sections);
