using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Diagnostics;
using KaizalaBot.BotFramework.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KaizalaBot.BotFramework.Integration;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CloudAdapter"/>, the bot (scoped: one per request), <see cref="ConversationState"/> and
    /// <see cref="UserState"/> (both saved by the adapter after every inbound turn) and the <c>BotAdapter</c>
    /// options, validated at start-up. The host registers <c>IStorage</c>, <c>IChannelAuthenticator</c> and
    /// <c>IConnectorClient</c>.
    /// </summary>
    public static IServiceCollection AddBotAdapter<TBot>(this IServiceCollection services)
        where TBot : class, IBot
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<BotAdapterOptions>()
            .BindConfiguration(BotAdapterOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<BotFrameworkTelemetry>();
        services.TryAddSingleton<ConversationState>();
        services.TryAddSingleton<UserState>();
        services.AddSingleton<BotState>(sp => sp.GetRequiredService<ConversationState>());
        services.AddSingleton<BotState>(sp => sp.GetRequiredService<UserState>());
        services.TryAddSingleton<CloudAdapter>();
        services.TryAddSingleton<BotHttpHandler>();
        services.TryAddScoped<IBot, TBot>();
        return services;
    }
}
