namespace KaizalaBot.Cards.Models;

public sealed record CustomerRow(string Id, string Name, string Detail);
