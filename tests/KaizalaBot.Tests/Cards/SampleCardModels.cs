using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;

namespace KaizalaBot.Tests.Cards;

/// <summary>
/// A representative model per template, used by the snapshot, validity and structure tests: every optional part shown
/// (notices, failures, pages, disabled buttons), with values that must never change a card's structure.
/// </summary>
internal static class SampleCardModels
{
    private static readonly CardHeader Header = new("Step 2 of 6 · Kaizala Pro subscription", "\"Quoted\" {braces} &amp; <b>", "That choice was not on this card.", true);

    private static string French(BotLanguage language, string french, string english) => language == BotLanguage.French ? french : english;

    public static object For(CardTemplate template, BotLanguage language) => template switch
    {
        CardTemplate.Welcome => new WelcomeCardModel(language == BotLanguage.French ? "aide" : "help"),
        CardTemplate.Help => new HelpCardModel(
        [
            new CommandHelp(language == BotLanguage.French ? "aide" : "help", language == BotLanguage.French ? "Afficher l'aide" : "Show help"),
            new CommandHelp("\"quoted\" {braces}", "Values never change the card's structure"),
        ]),
        CardTemplate.Notice => new NoticeCardModel("Migration set-up cancelled", "Nothing was bought.", ["One line", "Another line"]),
        CardTemplate.MigrationCustomer => new CustomerCardModel(
            Header, "cont", "2 customers whose name or domain starts with \"cont\":",
            [new CustomerRow("c-1", "Contoso Ltd", "contoso.com"), new CustomerRow("c-2", "Contoso Pharma", "")],
            "Page 2 of 3", true, true, 0, 2),
        CardTemplate.MigrationSubscription => new SubscriptionCardModel(Header,
        [
            new SubscriptionRow("s-1", "Kaizala Pro", [new CardFact("Seats", "25"), new CardFact("Assigned", "20")], true, ""),
            new SubscriptionRow("s-2", "Kaizala Pro (old)", [new CardFact("Status", "Expired")], false, "Expired: its users can no longer be moved from it."),
        ]),
        CardTemplate.MigrationPlan => new PlanCardModel(
            Header, true,
            new RecommendedPlan("Microsoft 365 Business Basic", "up to 300 seats per subscription", ["• 20 users to move"], ["✓ Teams, Exchange, SharePoint"]),
            [
                new PlanFamilyGroup("Enterprise", [new PlanLine("Office 365 E3: no seat limit", true)]),
                new PlanFamilyGroup("Education", [new PlanLine("Microsoft 365 A1 — education institutions only", false)]),
            ],
            true, [new CardChoice("Office 365 E3 (Enterprise)", "o365-e3")], "o365-e3"),
        CardTemplate.MigrationLicenceCount => new LicenceCountCardModel(
            Header, ["20 users to move: buy at least 20 licences.", "One subscription holds at most 300 seats."], "Licences to buy", 20, 1, 300),
        CardTemplate.MigrationUsers => new UsersCardModel(
            Header, "19 of the 20 users holding Kaizala Pro will move.", "meg", true, "1 user matches \"meg\".",
            [
                new UserRow("u-1", "Megan Bowen", "meganb@contoso.com", "No usage location: will fail unless one is set", "Moves", false),
                new UserRow("u-2", "Adele Vance", "adelev@contoso.com", "", "Excluded", true),
            ],
            "Page 1 of 2", false, true, -1, 1, true),
        CardTemplate.MigrationWaiting => new WaitingCardModel(Header, "Reading the users of Contoso: 240 of 1,500 licences read.", "This card updates itself.", false, true),
        CardTemplate.MigrationReview => new ReviewCardModel(
            Header,
            [new CardFact("Customer", "Contoso"), new CardFact("Plan", "Microsoft 365 Business Basic")],
            [new PlannedStep("A", "Buy 20 licences."), new PlannedStep("B", "Move 20 users."), new PlannedStep("C", "Suspend Kaizala Pro.")],
            "Checked with the users as read for this set-up.",
            [new FindingLine("21 licences are too few: at least 22 are needed.", "Raise the licence count.")],
            [new FindingLine("2 users have no usage location.", "Set their usage location.")],
            ["25 Kaizala Pro seats: 20 assigned, 5 unassigned."],
            false),
        CardTemplate.Migration => new MigrationCardModel
        {
            MigrationId = "0123456789abcdef",
            Title = "Migration of Contoso to Microsoft 365 Business Basic",
            StateText = "Needs your attention",
            StateColor = "Attention",
            Facts = [new CardFact("Customer", "Contoso"), new CardFact("Migration id", "0123456789abcdef")],
            Stages =
            [
                new StageLine("✅", "A. Bought 20 licences", false),
                new StageLine("⚠️", "B. Move users: 18 of 20 so far (2 failed)", true),
                new StageLine("▫️", "C. Suspend Kaizala Pro", false),
            ],
            Attention = "2 users could not be moved.",
            AttentionAction = "Fix what each failure says, then Retry failed users.",
            Failures = [new FailureLine("Megan Bowen", "No usage location.", "Set it, then retry.")],
            MoreFailures = "… and 1 more.",
            Summary = ["Users moved: 18 of 20."],
            Note = "",
            CanCancel = true,
            CanRetryFailed = true,
            CanAcceptRemainder = true,
            CanResume = false,
            CanRefresh = true,
        },
        CardTemplate.MigrationList => new MigrationListCardModel("Migration status", "Active migrations, and those finished since 1 Dec 2026.",
        [
            new MigrationListSection("Yours", "None.", [new MigrationListItem("0123456789abcdef", "Contoso to Office 365 E3", "Alex Wilber, 1 Dec 2026 08:00 UTC: 20 users", "Completed", "Good")]),
            new MigrationListSection("Other sellers' migrations under way", "None.", []),
        ]),
        CardTemplate.MigrationApproval => new ApprovalCardModel(
            "0123456789abcdef", "Approval needed: Contoso to Office 365 E3", "Alex Wilber asks to buy 150 licences.",
            [new CardFact("Licences", "150")], "", true),
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
