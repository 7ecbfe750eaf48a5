using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Tests.Integration;

public sealed class BotServiceCollectionExtensionsTests
{
    private sealed class NoOpBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<IStorage, MemoryStorage>();
        services.AddSingleton<IChannelAuthenticator>(new FakeAuthenticator(null));
        services.AddSingleton<IConnectorClient>(new RecordingConnector());
        services.AddBotAdapter<NoOpBot>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    [Fact]
    public void AddBotAdapter_Resolved_SavesConversationAndUserStateSingletons()
    {
        using var provider = Build([]);

        var states = provider.GetServices<BotState>().ToList();

        Assert.Equal(2, states.Count);
        Assert.Same(provider.GetRequiredService<ConversationState>(), states[0]);
        Assert.Same(provider.GetRequiredService<UserState>(), states[1]);
        Assert.NotNull(provider.GetRequiredService<CloudAdapter>());
    }

    [Fact]
    public void AddBotAdapter_Configuration_BindsBotAdapterSection()
    {
        using var provider = Build(new() { ["BotAdapter:MaxTurnAttempts"] = "5", ["BotAdapter:ErrorMessage"] = "Oops." });

        var options = provider.GetRequiredService<IOptions<BotAdapterOptions>>().Value;

        Assert.Equal(5, options.MaxTurnAttempts);
        Assert.Equal("Oops.", options.ErrorMessage);
        Assert.Equal(256 * 1024, options.MaxRequestBodyBytes);
    }

    [Fact]
    public void AddBotAdapter_ZeroAttempts_ValidationNamesTheKey()
    {
        using var provider = Build(new() { ["BotAdapter:MaxTurnAttempts"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotAdapterOptions>>().Value);

        Assert.Contains("BotAdapter:MaxTurnAttempts", error.Message, StringComparison.Ordinal);
    }
}
