using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

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
            .Validate(o => o.EffectiveConversationRateLimits.Concat(o.EffectiveTenantRateLimits).All(IsValidRule), "BotFramework:ConversationRateLimits and TenantRateLimits entries need a Limit of at least 1 and a Window between 00:00:00.100 and 1.00:00:00.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboundDeadline>();
        services.AddMetrics();
        services.TryAddSingleton<BotFrameworkTelemetry>();
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();

        services.TryAddSingleton<TeamsRateLimiter>();
        services.TryAddTransient<TeamsRateLimitHandler>();

        // Retries (outermost), then Teams' rate limits, then the per-attempt timeout: a send queued for a permit is not
        // a slow answer, and every retry queues for its own permit. HttpClient's own timeout would cut across all three.
        // Redirects are not followed: the serviceUrl policy judged the host the request names, not where a 3xx points.
        var client = services.AddHttpClient<IConnectorClient, ConnectorClient>(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        client.AddResilienceHandler("connector-retry", (builder, context) =>
        {
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            builder.TimeProvider = time;
            ConnectorRetryStrategy.AddTo(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<BotConnectorOptions>>().Value,
                time,
                context.ServiceProvider.GetRequiredService<ILogger<ConnectorClient>>());
        });
        client.AddHttpMessageHandler<TeamsRateLimitHandler>();
        client.AddResilienceHandler("connector-attempt", (builder, context) =>
        {
            builder.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            builder.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<BotConnectorOptions>>().Value.RequestTimeout);
        });
        return services;
    }

    private static bool IsValidRule(RateLimitRule rule) =>
        rule.Limit >= 1 && rule.Window >= TimeSpan.FromMilliseconds(100) && rule.Window <= TimeSpan.FromDays(1);

    private static bool IsValidHostPattern(string pattern)
    {
        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return host.Length > 0 && Uri.CheckHostName(host) == UriHostNameType.Dns;
    }
}
