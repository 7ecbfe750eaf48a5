using System.Globalization;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// Which reminder a subscription is due at a given instant (a pure function of its end date, the lead times and the
/// time): the shortest lead time already crossed (<c>lead-7</c>), or <c>expired</c> once the end has passed. A
/// subscription first seen 20 days before its end gets the 30-day reminder only, never the 60-day one as well.
/// </summary>
public sealed class ReminderSchedule(IOptions<ReminderOptions> options)
{
    public const string ExpiredOccasion = "expired";

    private readonly IReadOnlyList<int> _leadTimes = options.Value.EffectiveLeadTimes;

    /// <summary>The longest lead time: nothing ending later than this from now is due.</summary>
    public TimeSpan Horizon => TimeSpan.FromDays(_leadTimes[0]);

    public string? DueOccasion(DateTimeOffset? endDate, DateTimeOffset now)
    {
        if (endDate is not { } end)
        {
            return null;
        }

        if (end <= now)
        {
            return ExpiredOccasion;
        }

        string? due = null;
        foreach (var days in _leadTimes)
        {
            if (end - now <= TimeSpan.FromDays(days))
            {
                due = string.Create(CultureInfo.InvariantCulture, $"lead-{days}");
            }
        }

        return due;
    }

    /// <summary>The occasion of a snooze's return: one per snooze.</summary>
    public static string SnoozeOccasion(DateTimeOffset until) =>
        string.Create(CultureInfo.InvariantCulture, $"snooze-{until.UtcDateTime:yyyyMMddHHmmss}");
}
