using KaizalaBot.BotFramework.Authentication;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Hosting;

/// <summary>
/// Secure by default (architecture §4): an empty <c>MicrosoftAppId</c> means "accept requests without a token", which
/// only a developer's machine may do, so any other environment refuses to start without one.
/// </summary>
internal sealed class AppIdRequiredOutsideDevelopment(IHostEnvironment environment) : IValidateOptions<MicrosoftAppOptions>
{
    public ValidateOptionsResult Validate(string? name, MicrosoftAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return environment.IsDevelopment() || !string.IsNullOrWhiteSpace(options.MicrosoftAppId)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"MicrosoftAppId is required outside the Development environment (this one is '{environment.EnvironmentName}'): "
                + "without it the bot would accept requests that carry no token. Set MicrosoftAppId and its credentials, "
                + "or run with ASPNETCORE_ENVIRONMENT=Development on a developer machine.");
    }
}
