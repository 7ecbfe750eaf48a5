namespace KaizalaBot.PartnerCenter;

// A subscription PATCH that takes long answers 202 + Location (reference §3.4); the client then reads the
// subscription until the change shows, within these bounds.
public sealed class PartnerCenterPollingOptions
{
    // Between two reads when the 202 carries no Retry-After.
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    // Longest wait for the change to show; then PartnerErrorCategory.OperationPending (the change may still land).
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
}
