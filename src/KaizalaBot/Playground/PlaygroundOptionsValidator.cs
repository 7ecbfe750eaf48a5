using Microsoft.Extensions.Options;

namespace KaizalaBot.Playground;

/// <summary>
/// The Playground talks to the bot without a token, which the bot accepts only when no app id is configured; with
/// credentials it would be refused on every message, so that combination fails at start-up with the reason.
/// </summary>
internal sealed class PlaygroundOptionsValidator(IConfiguration configuration) : IValidateOptions<PlaygroundOptions>
{
    public ValidateOptionsResult Validate(string? name, PlaygroundOptions options) =>
        options.Enabled && !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"])
            ? ValidateOptionsResult.Fail(
                "Playground:Enabled is true but MicrosoftAppId is set: the Agents Playground sends no token, so every message would be refused. Clear MicrosoftAppId for local runs or set Playground:Enabled to false.")
            : ValidateOptionsResult.Success;
}
