using KaizalaBot.BotFramework.Schema;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// The seller types <c>migrate</c> (or <c>migrer</c>) with the domain of the walk's customer: the dialog's customer card
/// then offers that customer alone, found by Partner Center's customer search (two app-only calls, outside any customer's
/// budget), wherever it sits in the list of customers holding Kaizala Pro.
/// </summary>
internal sealed record SearchStep(CustomerChoice Choice) : WalkStep
{
    public override Activity Next(WalkContext walk) =>
        walk.NewActivity(ActivityTypes.Message) with
        {
            Text = (walk.Seller.Locale.StartsWith("fr", StringComparison.Ordinal) ? "migrer " : "migrate ") + Choice.For(walk).Domain,
        };
}
