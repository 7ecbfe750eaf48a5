using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Tests.Connector;

public sealed class BotConnectorServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBotConnector_SampleShapedConfiguration_ResolvesClientAndBindsBotFrameworkSection()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "6c1a7a4e-2d1f-4a8e-9b3c-0f1e2d3c4b5a",
            ["MicrosoftAppPassword"] = "placeholder",
            ["MicrosoftAppTenantId"] = "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f",
            ["BotFramework:AllowedServiceHosts:0"] = "smba.trafficmanager.net",
            ["BotFramework:MaxRetryAttempts"] = "4",
            ["BotFramework:AllowLoopbackServiceUrls"] = "true",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var client = provider.GetRequiredService<IConnectorClient>();
        var options = provider.GetRequiredService<IOptions<BotConnectorOptions>>().Value;

        Assert.IsType<ConnectorClient>(client);
        Assert.IsType<MsalBotTokenProvider>(provider.GetRequiredService<IBotTokenProvider>());
        Assert.Equal(["smba.trafficmanager.net"], options.EffectiveAllowedServiceHosts);
        Assert.Equal(4, options.MaxRetryAttempts);
        Assert.True(options.AllowLoopbackServiceUrls);
    }

    [Fact]
    public void AddBotConnector_NoAllowedHostsConfigured_UsesTheDefaults()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var options = provider.GetRequiredService<IOptions<BotConnectorOptions>>().Value;

        Assert.Equal(BotConnectorOptions.DefaultAllowedServiceHosts, options.EffectiveAllowedServiceHosts);
    }

    [Theory]
    [InlineData("MicrosoftAppType", "UserAssignedMSI", "MicrosoftAppTenantId")]
    [InlineData("BotFramework:MaxRetryAttempts", "50", "BotFramework:MaxRetryAttempts")]
    [InlineData("BotFramework:AllowedServiceHosts:0", "https://not-a-host/", "BotFramework:AllowedServiceHosts")]
    public void AddBotConnector_BadSetting_FailsStartupValidationNamingTheKey(string key, string value, string expectedKey)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "6c1a7a4e-2d1f-4a8e-9b3c-0f1e2d3c4b5a",
            ["MicrosoftAppPassword"] = "placeholder",
            [key] = value,
        };
        if (value == "UserAssignedMSI")
        {
            settings.Remove("MicrosoftAppPassword");
        }

        using var provider = Build(settings);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expectedKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBotConnector_UnknownAppType_FailsNamingTheKey()
    {
        using var provider = Build(new Dictionary<string, string?> { ["MicrosoftAppType"] = "Federated" });

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<MicrosoftAppOptions>>().Value);

        Assert.Contains("MicrosoftAppType", exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotConnector(configuration);
        return services.BuildServiceProvider();
    }
}
