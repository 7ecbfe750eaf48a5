using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Authentication;

/// <summary>
/// The SDK's start-up rules for the credential settings (bbdn ConfigurationServiceClientCredentialFactory):
/// a tenant is required for SingleTenant and UserAssignedMSI, a password is forbidden for a managed identity,
/// and a multi- or single-tenant app id needs its secret.
/// </summary>
internal sealed class MicrosoftAppOptionsValidator : IValidateOptions<MicrosoftAppOptions>
{
    public ValidateOptionsResult Validate(string? name, MicrosoftAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!Enum.IsDefined(options.MicrosoftAppType))
        {
            failures.Add("MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI.");
        }

        var hasAppId = !options.IsAuthenticationDisabled;
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        if (!hasAppId)
        {
            if (hasPassword)
            {
                failures.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty; set both, or neither for local development.");
            }

            return Result(failures);
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("MicrosoftAppId must be the bot's Entra application (client) id, a GUID.");
        }

        switch (options.MicrosoftAppType)
        {
            case MicrosoftAppType.MultiTenant when !hasPassword:
                failures.Add("MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.");
                break;
            case MicrosoftAppType.SingleTenant:
                if (!hasPassword)
                {
                    failures.Add("MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.");
                }

                if (!hasTenant)
                {
                    failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
                }

                break;
            case MicrosoftAppType.UserAssignedMSI:
                if (hasPassword)
                {
                    failures.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity has no secret).");
                }

                if (!hasTenant)
                {
                    failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.");
                }

                break;
            default:
                break;
        }

        if (hasTenant && !Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            failures.Add("MicrosoftAppTenantId must be the Entra tenant id, a GUID.");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
