namespace KaizalaBot.BotFramework.Schema;

/// <summary>Activity type names (compared ordinally, as the protocol says).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string EndOfConversation = "endOfConversation";
    public const string Trace = "trace";

    /// <summary>SDK-internal pseudo-type carrying an invoke's answer; never sent on the wire.</summary>
    public const string InvokeResponse = "invokeResponse";
}
