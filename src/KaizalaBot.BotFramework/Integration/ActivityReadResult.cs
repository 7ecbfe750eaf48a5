using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Integration;

/// <summary>An inbound activity, or the sentence the caller gets in a 400 body (naming a rule, never echoing a value).</summary>
internal sealed record ActivityReadResult(Activity? Activity, string? Problem)
{
    public static ActivityReadResult Accepted(Activity activity) => new(activity, null);

    public static ActivityReadResult Rejected(string problem) => new(null, problem);
}
