using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration;

/// <summary>Stops the host at start-up on a setting that would make migrations misbehave, naming the key.</summary>
internal sealed class MigrationOptionsValidator : IValidateOptions<MigrationOptions>
{
    public ValidateOptionsResult Validate(string? name, MigrationOptions options)
    {
        var runner = options.Runner;
        var failures = new List<string>();
        Require(failures, runner.LeaseDuration >= TimeSpan.FromSeconds(15) && runner.LeaseDuration <= TimeSpan.FromSeconds(60),
            "Migration:Runner:LeaseDuration must be 15 to 60 seconds (the Blob lease limits).");
        Require(failures, runner.MaxConcurrentMigrations >= 1, "Migration:Runner:MaxConcurrentMigrations must be at least 1.");
        Require(failures, runner.LicenceConcurrency is >= 1 and <= 64, "Migration:Runner:LicenceConcurrency must be 1 to 64.");
        Require(failures, runner.RequestsPerMinute is >= 60 and <= 500, "Migration:Runner:RequestsPerMinute must be 60 to 500 (Partner Center allows 500 per customer).");
        Require(failures, runner.RequestBurst >= 1 && runner.RequestBurst + runner.RequestsPerMinute <= 500,
            "Migration:Runner:RequestBurst must be at least 1, and RequestBurst + RequestsPerMinute at most 500.");
        Require(failures, runner.PollInterval > TimeSpan.Zero && runner.ProvisioningPollInterval > TimeSpan.Zero && runner.CancelPollInterval > TimeSpan.Zero
            && runner.ProgressInterval >= TimeSpan.Zero && runner.RetryRoundDelay >= TimeSpan.Zero && runner.ProvisioningTimeout > TimeSpan.Zero
            && runner.MaxFailureBackoff > TimeSpan.Zero,
            "Migration:Runner intervals must be positive.");
        Require(failures, runner.RetryableRounds is >= 0 and <= 10, "Migration:Runner:RetryableRounds must be 0 to 10.");
        Require(failures, options.FrontlineShareThreshold is > 0 and <= 1, "Migration:FrontlineShareThreshold must be in (0, 1].");
        Require(failures, options.DefaultCountry.Length == 2, "Migration:DefaultCountry must be a two-letter country code.");
        Require(failures, options.UserListingLifetime > TimeSpan.Zero && options.UserListingLifetime <= TimeSpan.FromDays(1),
            "Migration:UserListingLifetime must be positive and at most a day (the listing is shown with its age, but licences change).");
        Require(failures, options.CustomerReadLifetime >= TimeSpan.Zero && options.CustomerReadLifetime <= TimeSpan.FromMinutes(5),
            "Migration:CustomerReadLifetime must be zero to five minutes (the plan card and the customer search show what they read; a seat limit can change).");
        Require(failures, options.Approval.SeatThreshold >= 0, "Migration:Approval:SeatThreshold must not be negative.");
        Require(failures, !string.IsNullOrWhiteSpace(options.KaizalaPro.SkuId), "Migration:KaizalaPro:SkuId is required.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
