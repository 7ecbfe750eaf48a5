using KaizalaBot.BotFramework.Authentication;

namespace KaizalaBot.BotFramework.Tests.Authentication;

public sealed class MicrosoftAppOptionsValidatorTests
{
    private const string AppId = "6c1a7a4e-2d1f-4a8e-9b3c-0f1e2d3c4b5a";
    private const string TenantId = "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f";

    [Theory]
    [InlineData(MicrosoftAppType.MultiTenant, null, null, null)]
    [InlineData(MicrosoftAppType.MultiTenant, AppId, "secret", null)]
    [InlineData(MicrosoftAppType.SingleTenant, AppId, "secret", TenantId)]
    [InlineData(MicrosoftAppType.UserAssignedMSI, AppId, null, TenantId)]
    public void Validate_ConsistentSettings_Succeeds(MicrosoftAppType type, string? appId, string? password, string? tenantId)
    {
        var options = new MicrosoftAppOptions
        {
            MicrosoftAppType = type,
            MicrosoftAppId = appId,
            MicrosoftAppPassword = password,
            MicrosoftAppTenantId = tenantId,
        };

        var result = new MicrosoftAppOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(MicrosoftAppType.SingleTenant, AppId, "secret", null, "MicrosoftAppTenantId")]
    [InlineData(MicrosoftAppType.UserAssignedMSI, AppId, null, null, "MicrosoftAppTenantId")]
    [InlineData(MicrosoftAppType.UserAssignedMSI, AppId, "secret", TenantId, "MicrosoftAppPassword")]
    [InlineData(MicrosoftAppType.MultiTenant, AppId, null, null, "MicrosoftAppPassword")]
    [InlineData(MicrosoftAppType.SingleTenant, AppId, null, TenantId, "MicrosoftAppPassword")]
    [InlineData(MicrosoftAppType.MultiTenant, "not-a-guid", "secret", null, "MicrosoftAppId")]
    [InlineData(MicrosoftAppType.SingleTenant, AppId, "secret", "contoso.onmicrosoft.com", "MicrosoftAppTenantId")]
    [InlineData(MicrosoftAppType.MultiTenant, null, "secret", null, "MicrosoftAppPassword")]
    [InlineData((MicrosoftAppType)42, AppId, "secret", null, "MicrosoftAppType")]
    public void Validate_InconsistentSettings_FailsNamingTheKey(
        MicrosoftAppType type, string? appId, string? password, string? tenantId, string expectedKey)
    {
        var options = new MicrosoftAppOptions
        {
            MicrosoftAppType = type,
            MicrosoftAppId = appId,
            MicrosoftAppPassword = password,
            MicrosoftAppTenantId = tenantId,
        };

        var result = new MicrosoftAppOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expectedKey, result.FailureMessage, StringComparison.Ordinal);
    }
}
