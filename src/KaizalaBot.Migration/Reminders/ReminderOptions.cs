namespace KaizalaBot.Migration.Reminders;

/// <summary>The proactive expiry reminders (<c>Reminders</c> section).</summary>
public sealed record ReminderOptions
{
    public const string SectionName = "Reminders";

    private static readonly IReadOnlyList<int> DefaultLeadTimes = [60, 30, 14, 7, 1];

    /// <summary>Off on an instance that should only serve chats; another instance then sends the reminders.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Days before the end date at which a seller is reminded (each once); empty = 60, 30, 14, 7 and 1.</summary>
    public IReadOnlyList<int> LeadTimes { get; init; } = [];

    /// <summary>How old the expiry index may be before a reminder cycle scans Partner Center again.</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How often the index is checked for lead times crossed and snoozes ended (no Partner Center call).</summary>
    public TimeSpan PlanInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often queued reminders (and ones waiting after a failure or Retry-After) are looked at.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The team channel (its conversation id, <c>19:…@thread.tacv2</c>) that gets the digest of customers nobody has
    /// taken; empty = every opted-in seller gets it in their personal chat. The bot must be installed in that team.
    /// </summary>
    public string? ChannelConversationId { get; init; }

    /// <summary>Subscriptions shown on one card, most urgent first; the rest are counted and listed by <c>expiring</c>.</summary>
    public int MaxItemsPerCard { get; init; } = 5;

    /// <summary>The lead times in use, longest first.</summary>
    internal IReadOnlyList<int> EffectiveLeadTimes => [.. (LeadTimes.Count == 0 ? DefaultLeadTimes : LeadTimes).Distinct().OrderDescending()];
}
