using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Tests.Authentication;

public sealed class BotFrameworkAuthenticationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBotFrameworkAuthentication_MetadataOverride_ResolvesAuthenticatorWithTheOverride()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["BotFramework:ChannelOpenIdMetadataUrl"] = "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var authenticator = provider.GetRequiredService<IChannelAuthenticator>();
        var options = provider.GetRequiredService<IOptions<ChannelAuthenticationOptions>>().Value;

        Assert.IsType<ChannelAuthenticator>(authenticator);
        Assert.Equal("https://login.botframework.azure.us/v1/.well-known/openidconfiguration", options.ChannelOpenIdMetadataUrl);
        Assert.Equal(TimeSpan.FromHours(24), options.MetadataRefreshInterval);
    }

    [Theory]
    [InlineData("BotFramework:ChannelOpenIdMetadataUrl", "not a url")]
    [InlineData("BotFramework:MetadataRefreshInterval", "3.00:00:00")]
    public void AddBotFrameworkAuthentication_BadSetting_FailsStartupValidationNamingTheKey(string key, string value)
    {
        using var provider = Build(new Dictionary<string, string?> { [key] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBotFrameworkAuthentication_WithAddBotConnector_RegistersTheCredentialValidatorOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();

        services.AddBotFrameworkAuthentication(configuration);
        services.AddBotConnector(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<MicrosoftAppOptions>));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotFrameworkAuthentication(configuration);
        return services.BuildServiceProvider();
    }
}
