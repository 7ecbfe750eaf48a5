using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Authentication;

public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MicrosoftAppOptions"/> (configuration root: <c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>,
    /// <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>), <see cref="ChannelAuthenticationOptions"/> (section
    /// <c>BotFramework</c>), both validated at start-up, and <see cref="IChannelAuthenticator"/>; warns once at start-up when
    /// no app id is configured (anonymous requests accepted).
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddMicrosoftAppOptions(configuration);
        services.AddOptions<ChannelAuthenticationOptions>()
            .Bind(configuration.GetSection(ChannelAuthenticationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // The authenticator is a singleton holding its metadata clients for the process lifetime, so connections are
        // recycled by the handler itself to follow DNS changes of the metadata hosts.
        services.AddHttpClient(ChannelAuthenticator.MetadataHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<IChannelAuthenticator, ChannelAuthenticator>();
        services.AddHostedService<AnonymousModeWarning>();
        return services;
    }

    /// <summary>Binds and validates the root-level credential settings; safe to call more than once.</summary>
    public static IServiceCollection AddMicrosoftAppOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<MicrosoftAppOptions>)))
        {
            return services;
        }

        services.AddOptions<MicrosoftAppOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MicrosoftAppOptions>, MicrosoftAppOptionsValidator>();
        return services;
    }
}
