namespace KaizalaBot.Cards.Models;

public sealed record UserRow(string Id, string Name, string Upn, string Note, string Status, bool Excluded);
