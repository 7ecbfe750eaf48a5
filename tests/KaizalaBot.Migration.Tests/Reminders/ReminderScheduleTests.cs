using KaizalaBot.Migration.Reminders;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly ReminderSchedule _schedule = new(Options.Create(new ReminderOptions()));

    [Theory]
    [InlineData(61.0, null)]
    [InlineData(60.0, "lead-60")]
    [InlineData(30.5, "lead-60")]
    [InlineData(20.0, "lead-30")]
    [InlineData(14.0, "lead-14")]
    [InlineData(6.9, "lead-7")]
    [InlineData(0.5, "lead-1")]
    [InlineData(0.0, "expired")]
    [InlineData(-40.0, "expired")]
    public void DueOccasion_DaysLeft_IsTheShortestLeadTimeCrossed(double daysLeft, string? expected) =>
        Assert.Equal(expected, _schedule.DueOccasion(Now.AddDays(daysLeft), Now));

    [Fact]
    public void DueOccasion_ConfiguredLeadTimes_ReplaceTheDefaults()
    {
        var schedule = new ReminderSchedule(Options.Create(new ReminderOptions { LeadTimes = [3, 45, 3] }));

        Assert.Equal("lead-45", schedule.DueOccasion(Now.AddDays(44), Now));
        Assert.Null(schedule.DueOccasion(Now.AddDays(46), Now));
        Assert.Equal(TimeSpan.FromDays(45), schedule.Horizon);
    }

    [Fact]
    public void DueOccasion_NoEndDate_NeverDue() => Assert.Null(_schedule.DueOccasion(null, Now));
}
