using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Tests.Support;

/// <summary>One connector call the bot made: verb, path ids, the Authorization header it carried, and the activity.</summary>
internal sealed record RecordedCall(string Method, string ConversationId, string? ActivityId, string Authorization, Activity Activity);
