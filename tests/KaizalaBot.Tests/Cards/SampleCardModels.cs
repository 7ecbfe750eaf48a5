using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;

namespace KaizalaBot.Tests.Cards;

/// <summary>A representative model per template, used by the snapshot and validity tests.</summary>
internal static class SampleCardModels
{
    private static string French(BotLanguage language, string french, string english) => language == BotLanguage.French ? french : english;

    public static object For(CardTemplate template, BotLanguage language) => template switch
    {
        CardTemplate.Welcome => new WelcomeCardModel(language == BotLanguage.French ? "aide" : "help"),
        CardTemplate.Help => new HelpCardModel(
        [
            new CommandHelp(language == BotLanguage.French ? "aide" : "help", language == BotLanguage.French ? "Afficher l'aide" : "Show help"),
            new CommandHelp("\"quoted\" {braces}", "Values never change the card's structure"),
        ]),
        CardTemplate.ExpiryList => new ExpiryListCardModel(
            French(language, "Abonnements Kaizala Pro sur le point d'expirer", "Kaizala Pro subscriptions about to lapse"),
            French(language, "Ces abonnements ne se renouvelleront pas.", "These subscriptions will not renew."),
            [
                new ExpiryCardItem("c5757d70-06f3-4f23-8367-5a9e55019f94", "968ba1cf-c146-4adf-a300-308dcf718eee", "Contoso SAS", "Kaizala Pro",
                    French(language, "Se termine dans 3 jours", "Ends in 3 days"), "Attention", "25", "20", "5", French(language, "4 décembre 2026", "4 December 2026"), null),
                new ExpiryCardItem("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "11111111-2222-4333-8444-555555555555", "\"Quoted\" {braces} <b>Ltd</b>", "Kaizala Pro",
                    French(language, "Se termine dans 28 jours", "Ends in 28 days"), "Warning", "1 500", "1 212", "288", French(language, "29 décembre 2026", "29 December 2026"),
                    "Camille Martin"),
            ],
            French(language, "Et 3 de plus : tapez **expirations** pour tous les voir.", "And 3 more: type **expiring** to see them all."),
            "0-20261229000000-0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"),
        CardTemplate.ExpiryDetails => new ExpiryDetailsCardModel(
            "c5757d70-06f3-4f23-8367-5a9e55019f94", "Contoso SAS", French(language, "Au 1 décembre 2026 à 08:00 UTC", "As of 1 December 2026, 08:00 UTC"),
            French(language, "Suivi par Camille Martin", "Handled by Camille Martin"), true,
            [
                new ExpiryDetailsSubscription("968ba1cf-c146-4adf-a300-308dcf718eee", "Kaizala Pro", French(language, "Actif", "Active"),
                    French(language, "Se termine dans 3 jours", "Ends in 3 days"), "Attention", "25", "20", "5", French(language, "4 décembre 2026", "4 December 2026"),
                    French(language, "Désactivé : il va expirer", "Off: it will lapse"), true),
                new ExpiryDetailsSubscription("11111111-2222-4333-8444-555555555555", "Kaizala Pro", French(language, "Suspendu", "Suspended"),
                    French(language, "Terminé depuis 40 jours", "Ended 40 days ago"), "Default", "10", "0", "10", French(language, "22 octobre 2026", "22 October 2026"),
                    French(language, "Désactivé : il va expirer", "Off: it will lapse"), false),
            ]),
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "Add a sample model for the new template."),
    };
}
