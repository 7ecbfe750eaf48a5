using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Expiry;

/// <summary>Stops the host at start-up on an expiry setting Partner Center would not accept, naming the key.</summary>
internal sealed class ExpiryOptionsValidator : IValidateOptions<ExpiryOptions>
{
    public ValidateOptionsResult Validate(string? name, ExpiryOptions options)
    {
        var failures = new List<string>();
        if (options.PageSize is < 1 or > 1000)
        {
            failures.Add("Expiry:PageSize must be 1 to 1000 (Partner Center's largest customer page).");
        }

        if (options.Concurrency is < 1 or > 64)
        {
            failures.Add("Expiry:Concurrency must be 1 to 64.");
        }

        if (options.RequestsPerMinute is < 60 or > 60_000)
        {
            failures.Add("Expiry:RequestsPerMinute must be 60 to 60000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
