using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Connector;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Tests.Connector;

public sealed class MsalBotTokenProviderTests
{
    private const string AppId = "6c1a7a4e-2d1f-4a8e-9b3c-0f1e2d3c4b5a";
    private const string TenantId = "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f";

    [Fact]
    public void Constructor_MultiTenant_UsesTheBotFrameworkAuthority()
    {
        var provider = Create(MicrosoftAppType.MultiTenant, AppId, "secret", null);

        Assert.Equal("https://login.microsoftonline.com/botframework.com/", provider.Authority);
        Assert.False(provider.UsesManagedIdentity);
    }

    [Fact]
    public void Constructor_SingleTenant_UsesTheTenantAuthority()
    {
        var provider = Create(MicrosoftAppType.SingleTenant, AppId, "secret", TenantId);

        Assert.Equal($"https://login.microsoftonline.com/{TenantId}/", provider.Authority);
    }

    [Fact]
    public void Constructor_UserAssignedMsi_UsesManagedIdentityWithoutSecret()
    {
        var provider = Create(MicrosoftAppType.UserAssignedMSI, AppId, null, TenantId);

        Assert.True(provider.UsesManagedIdentity);
        Assert.Null(provider.Authority);
    }

    [Fact]
    public async Task GetTokenAsync_NoAppId_ReturnsNullWithoutCallingEntra()
    {
        var provider = Create(MicrosoftAppType.MultiTenant, null, null, null);

        var token = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Null(token);
    }

    private static MsalBotTokenProvider Create(MicrosoftAppType type, string? appId, string? password, string? tenantId) =>
        new(
            Options.Create(new MicrosoftAppOptions
            {
                MicrosoftAppType = type,
                MicrosoftAppId = appId,
                MicrosoftAppPassword = password,
                MicrosoftAppTenantId = tenantId,
            }),
            NullLogger<MsalBotTokenProvider>.Instance);
}
