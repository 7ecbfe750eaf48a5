using KaizalaBot.BotFramework.Schema;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>The seller types a command, in the language of their locale.</summary>
internal sealed record SayStep(string English, string French) : WalkStep
{
    public override Activity Next(WalkContext walk) =>
        walk.NewActivity(ActivityTypes.Message) with { Text = walk.Seller.Locale.StartsWith("fr", StringComparison.Ordinal) ? French : English };
}
