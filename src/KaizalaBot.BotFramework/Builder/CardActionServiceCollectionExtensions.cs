using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KaizalaBot.BotFramework.Builder;

public static class CardActionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="CardActionRouter"/> (scoped, like the bot), with whatever routes are registered, and its
    /// check at start-up (<see cref="CardActionRouteCheck"/>: two routes for one verb stop the host).
    /// </summary>
    public static IServiceCollection AddCardActions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddScoped<CardActionRouter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CardActionRouteCheck>());
        return services;
    }

    /// <summary>Adds a card action route: a new bot-level button is one class and this one line.</summary>
    public static IServiceCollection AddCardActionRoute<TRoute>(this IServiceCollection services)
        where TRoute : class, ICardActionRoute
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddScoped<ICardActionRoute, TRoute>();
        return services.AddCardActions();
    }
}
