using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>One step of a walk: the activity a seller sends next, built from what the bot answered before.</summary>
internal abstract record WalkStep
{
    /// <summary>Throws <see cref="WalkBrokenException"/> when the previous answer lacks what this step needs.</summary>
    public abstract Activity Next(WalkContext walk);
}
