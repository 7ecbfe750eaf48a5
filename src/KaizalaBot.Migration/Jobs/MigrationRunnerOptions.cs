namespace KaizalaBot.Migration.Jobs;

/// <summary>How the runner claims and paces migrations (<c>Migration:Runner</c>).</summary>
public sealed record MigrationRunnerOptions
{
    /// <summary>Off on an instance that should only serve chats; another instance then runs the migrations.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How often the store is scanned for runnable migrations.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest wait before a migration whose runs keep failing (an unexpected error, or a pause on an unwell Partner Center
    /// before any progress) is tried again: after the n-th such run in a row it waits <see cref="PollInterval"/> × 2^(n-1),
    /// at most this long.
    /// </summary>
    public TimeSpan MaxFailureBackoff { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Migrations one instance runs at once.</summary>
    public int MaxConcurrentMigrations { get; init; } = 4;

    /// <summary>Users of one migration whose licences are moved at once (step B).</summary>
    public int LicenceConcurrency { get; init; } = 8;

    /// <summary>Lease per migration (Blob leases allow 15 to 60 seconds); renewed while the runner holds it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest pause between two looks at an order or licence pool still provisioning (the first look again is after 5 s).</summary>
    public TimeSpan ProvisioningPollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for provisioning before the migration needs attention.</summary>
    public TimeSpan ProvisioningTimeout { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Automatic extra rounds for users whose licence move failed for a retryable reason.</summary>
    public int RetryableRounds { get; init; } = 3;

    /// <summary>Pause before such a round (Partner Center asks for minutes when it throttles).</summary>
    public TimeSpan RetryRoundDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a running step looks for a cancel request.</summary>
    public TimeSpan CancelPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Partner Center calls per minute per customer, kept under its 500/min limit (reference §7).</summary>
    public int RequestsPerMinute { get; init; } = 480;

    /// <summary>Calls a customer may burst; with <see cref="RequestsPerMinute"/> no minute ever exceeds the limit.</summary>
    public int RequestBurst { get; init; } = 10;

    /// <summary>Progress reaches the seller at most this often per migration (the last change always arrives).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);
}
