using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Reminders;

/// <summary>Stops the host at start-up on a reminder setting that would misbehave, naming the key.</summary>
internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        if (options.LeadTimes.Any(d => d is < 1 or > 365))
        {
            failures.Add("Reminders:LeadTimes must be days from 1 to 365.");
        }

        if (options.ScanInterval < TimeSpan.FromMinutes(5) || options.PlanInterval < TimeSpan.FromMinutes(1) || options.PollInterval < TimeSpan.FromSeconds(5))
        {
            failures.Add("Reminders:ScanInterval must be at least 00:05:00, PlanInterval at least 00:01:00 and PollInterval at least 00:00:05.");
        }

        if (options.MaxItemsPerCard is < 1 or > 10)
        {
            failures.Add("Reminders:MaxItemsPerCard must be 1 to 10 (Teams limits the size of a card).");
        }

        if (options.ChannelConversationId is { Length: > 0 } channel && !channel.StartsWith("19:", StringComparison.Ordinal))
        {
            failures.Add("Reminders:ChannelConversationId must be a Teams channel id (19:…@thread.tacv2), or empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
