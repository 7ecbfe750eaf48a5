using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Tests.Reliability;

/// <summary>
/// One forged request of the matrix: the Authorization header lines it carries (none, one or several), the activity it
/// carries them with, and the refusal reason the bot must log for it (proof that the intended check refused it, not
/// an earlier accident).
/// </summary>
internal sealed record ForgedTokenCase(string Name, IReadOnlyList<string> AuthorizationLines, Activity Activity, string ExpectedReason);
