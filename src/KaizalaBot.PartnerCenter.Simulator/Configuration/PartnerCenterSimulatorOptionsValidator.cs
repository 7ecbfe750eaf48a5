using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter.Simulator.Configuration;

internal sealed class PartnerCenterSimulatorOptionsValidator : IValidateOptions<PartnerCenterSimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, PartnerCenterSimulatorOptions options)
    {
        var failures = new List<string>();
        if (options.KaizalaCustomerCount > options.CustomerCount)
        {
            failures.Add("PartnerCenterSimulator:KaizalaCustomerCount must not exceed PartnerCenterSimulator:CustomerCount.");
        }

        if (options.SigningKey is { Length: > 0 } key && !IsLongBase64(key))
        {
            failures.Add("PartnerCenterSimulator:SigningKey must be base64 of at least 32 bytes.");
        }

        for (var i = 0; i < options.ServicePlanConflicts.Count; i++)
        {
            var conflict = options.ServicePlanConflicts[i];
            if (!Guid.TryParse(conflict.First, out _) || !Guid.TryParse(conflict.Second, out _))
            {
                failures.Add($"PartnerCenterSimulator:ServicePlanConflicts:{i} needs two service-plan GUIDs (First, Second).");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Credentials.ClientId)
            || string.IsNullOrWhiteSpace(options.Credentials.ClientSecret)
            || string.IsNullOrWhiteSpace(options.Credentials.RefreshToken))
        {
            failures.Add("PartnerCenterSimulator:Credentials:ClientId, ClientSecret and RefreshToken must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLongBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32;
    }
}
