namespace KaizalaBot.Reliability;

/// <summary>
/// One call of the bot to a chat connector, the status the connector answered (200 for a call carried out whose answer was
/// then lost), and the activity id it gave a call it carried out.
/// </summary>
public sealed record ChatExchange(string Method, string Path, string Body, int Status, bool AnswerLost = false, string? AnsweredId = null)
{
    /// <summary>The conversation, from <c>…/v3/conversations/{id}/activities[/{activityId}]</c>.</summary>
    public string? ConversationId
    {
        get
        {
            var segments = Segments;
            var at = Array.IndexOf(segments, "conversations");
            return at >= 0 && at + 2 < segments.Length && segments[at + 2] == "activities" ? segments[at + 1] : null;
        }
    }

    /// <summary>A new message (<c>POST …/activities</c>), not a reply to an activity.</summary>
    public bool IsNewMessage => Method == "POST" && Segments is [.., "activities"];

    /// <summary>A message replaced in place (<c>PUT …/activities/{id}</c>).</summary>
    public bool IsUpdate => Method == "PUT";

    /// <summary>The activity a reply or an update names.</summary>
    public string? TargetActivityId => Segments is [.., "activities", var id] ? id : null;

    public bool CarriedOut => Status is >= 200 and < 300;

    private string[] Segments => Path.Split('/');
}
