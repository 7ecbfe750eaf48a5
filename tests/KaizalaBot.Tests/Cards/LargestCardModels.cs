using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;

namespace KaizalaBot.Tests.Cards;

/// <summary>
/// The biggest card each template can carry: the largest page (<c>Conversation:PageSize</c> at most 12), every plan of
/// the catalogue, ten failures, long names. What Teams' size limits are checked against.
/// </summary>
internal static class LargestCardModels
{
    private const int MaxPage = 12;

    // Names (company, user, UPN) are long at worst; state texts, notes and details are the bot's own short sentences.
    private static readonly string LongName = new('W', 120);
    private static readonly string Short = new('s', 80);
    private static readonly string Sentence = string.Concat(Enumerable.Repeat("A long reason that explains itself at length. ", 8));
    private static readonly CardHeader Header = new("Step 6 of 6 · Review", LongName, Sentence, true);

    public static object? For(CardTemplate template) => template switch
    {
        CardTemplate.MigrationCustomer => new CustomerCardModel(
            Header, LongName[..100], Sentence, [.. Enumerable.Range(0, MaxPage).Select(i => new CustomerRow($"{Guid.NewGuid()}", LongName, Short))],
            "Page 12 of 40", true, true, 10, 12),
        CardTemplate.MigrationSubscription => new SubscriptionCardModel(Header,
            [.. Enumerable.Range(0, 5).Select(i => new SubscriptionRow($"{Guid.NewGuid()}", LongName, [.. Enumerable.Range(0, 7).Select(f => new CardFact("Renouvellement automatique", LongName))], true, Sentence))]),
        CardTemplate.MigrationPlan => new PlanCardModel(
            Header, true, new RecommendedPlan(LongName, Sentence, [Sentence, Sentence], [Sentence, Sentence, Sentence]),
            [.. Enumerable.Range(0, 4).Select(f => new PlanFamilyGroup(LongName, [.. Enumerable.Range(0, 5).Select(p => new PlanLine(Sentence, p % 2 == 0))]))],
            true, [.. Enumerable.Range(0, 18).Select(p => new CardChoice(LongName, $"plan-{p}"))], "plan-0"),
        CardTemplate.MigrationUsers => new UsersCardModel(
            Header, Sentence, LongName[..100], true, Sentence,
            [.. Enumerable.Range(0, MaxPage).Select(i => new UserRow($"{Guid.NewGuid()}", LongName, LongName, Short, "Excluded", i % 2 == 0))],
            "Page 3 of 75", true, true, 1, 3, true),
        CardTemplate.MigrationReview => new ReviewCardModel(
            Header, [.. Enumerable.Range(0, 5).Select(i => new CardFact("Kaizala Pro subscription", LongName))],
            [new PlannedStep("A", Sentence), new PlannedStep("B", Sentence), new PlannedStep("C", Sentence)], Sentence,
            [.. Enumerable.Range(0, 6).Select(i => new FindingLine(Sentence, Sentence))], [.. Enumerable.Range(0, 6).Select(i => new FindingLine(Sentence, Sentence))],
            [Sentence, Sentence, Sentence], false),
        CardTemplate.Migration => new MigrationCardModel
        {
            MigrationId = "0123456789abcdef", Title = LongName, StateText = Sentence, StateColor = "Attention",
            Facts = [.. Enumerable.Range(0, 8).Select(i => new CardFact("Identifiant de migration", LongName))],
            Stages = [.. Enumerable.Range(0, 5).Select(i => new StageLine("✅", Sentence, i == 2))],
            Outage = Sentence, Attention = Sentence, AttentionAction = Sentence,
            Failures = [.. Enumerable.Range(0, 10).Select(i => new FailureLine(LongName, Sentence, Sentence))], MoreFailures = Sentence,
            Summary = [Sentence, Sentence, Sentence, Sentence], Note = Sentence,
            CanCancel = true, CanRetryFailed = true, CanAcceptRemainder = true, CanResume = true, CanRefresh = true,
        },
        CardTemplate.MigrationList => new MigrationListCardModel(LongName, Sentence,
            [.. Enumerable.Range(0, 2).Select(s => new MigrationListSection(LongName, Sentence,
                [.. Enumerable.Range(0, 10).Select(i => new MigrationListItem("0123456789abcdef", LongName, Short, Short, "Good"))]))]),
        _ => null,
    };
}
