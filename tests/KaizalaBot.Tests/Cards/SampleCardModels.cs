using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;

namespace KaizalaBot.Tests.Cards;

/// <summary>A representative model per template, used by the snapshot and validity tests.</summary>
internal static class SampleCardModels
{
    public static object For(CardTemplate template, BotLanguage language) => template switch
    {
        CardTemplate.Welcome => new WelcomeCardModel(language == BotLanguage.French ? "aide" : "help"),
        CardTemplate.Help => new HelpCardModel(
        [
            new CommandHelp(language == BotLanguage.French ? "aide" : "help", language == BotLanguage.French ? "Afficher l'aide" : "Show help"),
            new CommandHelp("\"quoted\" {braces}", "Values never change the card's structure"),
        ]),
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "Add a sample model for the new template."),
    };
}
