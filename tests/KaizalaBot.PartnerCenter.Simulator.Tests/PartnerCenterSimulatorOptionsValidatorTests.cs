using KaizalaBot.PartnerCenter.Simulator.Configuration;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class PartnerCenterSimulatorOptionsValidatorTests
{
    private readonly PartnerCenterSimulatorOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = _validator.Validate(null, new PartnerCenterSimulatorOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_MoreKaizalaCustomersThanCustomers_NamesBothKeys()
    {
        var options = new PartnerCenterSimulatorOptions { CustomerCount = 10, KaizalaCustomerCount = 11 };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("PartnerCenterSimulator:KaizalaCustomerCount", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("PartnerCenterSimulator:CustomerCount", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortSigningKey_NamesTheKey()
    {
        var options = new PartnerCenterSimulatorOptions { SigningKey = Convert.ToBase64String(new byte[16]) };

        var result = _validator.Validate(null, options);

        Assert.Contains("PartnerCenterSimulator:SigningKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConflictWithoutGuids_NamesTheEntry()
    {
        var options = new PartnerCenterSimulatorOptions();
        options.ServicePlanConflicts.Add(new ServicePlanConflictOptions { First = "KAIZALA", Second = Guid.NewGuid().ToString() });

        var result = _validator.Validate(null, options);

        Assert.Contains("PartnerCenterSimulator:ServicePlanConflicts:0", result.FailureMessage, StringComparison.Ordinal);
    }
}
