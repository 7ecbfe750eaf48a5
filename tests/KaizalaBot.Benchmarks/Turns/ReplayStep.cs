using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// For the floor, which answers no cards to derive a next step from: the activity a seller sent the bot at this step of
/// a recorded walk, re-addressed to this seller's conversation, so the floor parses the same bodies the bot did.
/// </summary>
internal sealed record ReplayStep(Activity Recorded) : WalkStep
{
    public override Activity Next(WalkContext walk)
    {
        var fresh = walk.NewActivity(Recorded.Type);
        return Recorded with
        {
            Id = fresh.Id,
            Timestamp = fresh.Timestamp,
            ServiceUrl = fresh.ServiceUrl,
            From = fresh.From,
            Conversation = fresh.Conversation,
            Locale = fresh.Locale,
        };
    }
}
