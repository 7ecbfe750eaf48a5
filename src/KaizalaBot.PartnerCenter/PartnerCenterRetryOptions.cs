namespace KaizalaBot.PartnerCenter;

public sealed class PartnerCenterRetryOptions
{
    // Retries after the first attempt; the SDK's default is 3 (reference §5.4).
    public int MaxRetryAttempts { get; set; } = 3;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    // A 429 asking for a longer wait than this is not waited out inside a call; it surfaces as
    // PartnerException.RetryAfter so a background job can reschedule instead of holding a thread.
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);
}
