using KaizalaBot.BotFramework.Schema;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>The seller installs the app in their personal scope (Teams' installationUpdate <c>add</c>).</summary>
internal sealed record InstallStep : WalkStep
{
    public override Activity Next(WalkContext walk) =>
        walk.NewActivity(ActivityTypes.InstallationUpdate) with { Action = InstallationUpdateActions.Add };
}
