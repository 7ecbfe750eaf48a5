namespace KaizalaBot.Cards;

/// <summary>The card templates embedded under <c>Cards/Templates/{name}.json</c>.</summary>
public enum CardTemplate
{
    Welcome,
    Help,
    ExpiryList,
    ExpiryDetails,
}
