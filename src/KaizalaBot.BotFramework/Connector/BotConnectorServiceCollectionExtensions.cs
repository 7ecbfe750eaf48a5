using KaizalaBot.BotFramework.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KaizalaBot.BotFramework.Connector;

public static class BotConnectorServiceCollectionExtensions
{
    /// <summary>
    /// The connector's named HttpClient, so a host can add to its pipeline (e.g. observe every connection it opens)
    /// with <c>services.AddHttpClient(HttpClientName)</c>.
    /// </summary>
    public const string HttpClientName = "KaizalaBot.BotConnector";

    /// <summary>
    /// Registers <see cref="IConnectorClient"/> (typed HttpClient), the MSAL-backed <see cref="IBotTokenProvider"/>,
    /// <see cref="MicrosoftAppOptions"/> (configuration root) and <see cref="BotConnectorOptions"/> (section
    /// <c>BotFramework</c>), validated at start-up. Register a different <see cref="IBotTokenProvider"/> first to replace
    /// MSAL.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddMicrosoftAppOptions(configuration);
        services.AddOptions<BotConnectorOptions>()
            .Bind(configuration.GetSection(BotConnectorOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.EffectiveAllowedServiceHosts.All(IsValidHostPattern), "BotFramework:AllowedServiceHosts entries must be host names, optionally starting with '*.'.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();

        // The per-attempt timeout lives in the resilience pipeline; HttpClient's own would cut across retries.
        // Redirects are not followed: the serviceUrl policy judged the host the request names, not where a 3xx points.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }

    private static bool IsValidHostPattern(string pattern)
    {
        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return host.Length > 0 && Uri.CheckHostName(host) == UriHostNameType.Dns;
    }
}
