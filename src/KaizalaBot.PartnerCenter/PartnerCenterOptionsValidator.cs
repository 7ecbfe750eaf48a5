using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter;

internal sealed class PartnerCenterOptionsValidator : IValidateOptions<PartnerCenterOptions>
{
    private const string Prefix = PartnerCenterOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, PartnerCenterOptions options)
    {
        var failures = new List<string>();
        RequireAbsolute(options.Endpoint, nameof(options.Endpoint), failures);
        RequireAbsolute(options.Authority, nameof(options.Authority), failures);
        RequireText(options.PartnerTenantId, nameof(options.PartnerTenantId), failures);
        RequireText(options.ApplicationId, nameof(options.ApplicationId), failures);
        RequireText(options.ApplicationSecret, nameof(options.ApplicationSecret), failures);
        RequireText(options.RefreshToken, nameof(options.RefreshToken), failures);
        RequireText(options.Locale, nameof(options.Locale), failures);
        if (options.TokenRefreshMargin < TimeSpan.Zero || options.TokenRefreshMargin > TimeSpan.FromMinutes(30))
        {
            failures.Add($"{Prefix}{nameof(options.TokenRefreshMargin)} must be between 00:00:00 and 00:30:00.");
        }

        var retry = options.Retry;
        var retryPrefix = $"{Prefix}{nameof(options.Retry)}:";
        if (retry is null)
        {
            failures.Add($"{Prefix}{nameof(options.Retry)} must be set.");
            return ValidateOptionsResult.Fail(failures);
        }

        if (retry.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{retryPrefix}{nameof(retry.MaxRetryAttempts)} must be between 0 and 10.");
        }

        if (retry.BaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"{retryPrefix}{nameof(retry.BaseDelay)} must be positive.");
        }

        if (retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add($"{retryPrefix}{nameof(retry.MaxDelay)} must not be less than {retryPrefix}{nameof(retry.BaseDelay)}.");
        }

        if (retry.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{retryPrefix}{nameof(retry.AttemptTimeout)} must be positive.");
        }

        if (retry.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{retryPrefix}{nameof(retry.MaxRetryAfter)} must not be negative.");
        }

        ValidatePolling(options.Polling, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePolling(PartnerCenterPollingOptions? polling, List<string> failures)
    {
        var pollingPrefix = $"{Prefix}{nameof(PartnerCenterOptions.Polling)}:";
        if (polling is null)
        {
            failures.Add($"{Prefix}{nameof(PartnerCenterOptions.Polling)} must be set.");
            return;
        }

        if (polling.Interval <= TimeSpan.Zero)
        {
            failures.Add($"{pollingPrefix}{nameof(polling.Interval)} must be positive.");
        }

        if (polling.Timeout < polling.Interval)
        {
            failures.Add($"{pollingPrefix}{nameof(polling.Timeout)} must not be less than {pollingPrefix}{nameof(polling.Interval)}.");
        }
    }

    private static void RequireAbsolute(Uri? value, string key, List<string> failures)
    {
        if (value is null || !value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Prefix}{key} must be an absolute http(s) URL.");
        }
    }

    private static void RequireText(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Prefix}{key} is required.");
        }
    }
}
