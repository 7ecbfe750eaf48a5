namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// A migration held up by Partner Center failing transiently (5xx, 429, no answer), as its seller's card shows it. Written
/// by the run that paused, under the record's ETag, without counting as progress; cleared by the next progress save, so
/// it always describes the outage since the migration last moved.
/// </summary>
public sealed record PartnerCenterOutage
{
    /// <summary>The first failure since the migration last made progress.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>The failure that paused the last run.</summary>
    public required DateTimeOffset LastFailureAt { get; init; }

    /// <summary>The HTTP status Partner Center answered; null when it did not answer (a timeout, a dropped connection).</summary>
    public int? StatusCode { get; init; }

    /// <summary>When the runner tries the migration again (at its first poll from then on).</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>
    /// Whether a card drawn from <paramref name="other"/> would say the same as one drawn from this: the card gives times
    /// to the minute, so a next attempt moved by seconds is not worth redrawing it in Teams.
    /// </summary>
    public bool ShowsSameAs(PartnerCenterOutage? other) =>
        other is not null && other.StatusCode == StatusCode && ToMinute(other.Since) == ToMinute(Since)
        && ToMinute(other.NextAttemptAt) == ToMinute(NextAttemptAt);

    private static long ToMinute(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute;
}
