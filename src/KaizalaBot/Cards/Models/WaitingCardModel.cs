namespace KaizalaBot.Cards.Models;

/// <summary>Work the seller waits for (reading users, a preview): updated in place as it progresses, Continue once done.</summary>
public sealed record WaitingCardModel(CardHeader Header, string Text, string Detail, bool IsReady, bool CanGoBack);
