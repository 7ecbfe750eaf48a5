namespace KaizalaBot.BotFramework.Schema;

/// <summary>Outbound <c>alert: true</c> asks Teams to raise an activity-feed notification.</summary>
public sealed record NotificationInfo
{
    public bool? Alert { get; init; }

    public bool? AlertInMeeting { get; init; }

    public string? ExternalResourceUrl { get; init; }
}
