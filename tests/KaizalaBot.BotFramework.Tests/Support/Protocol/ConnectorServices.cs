using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Tests.Support.Protocol;

/// <summary>
/// The connector exactly as <c>AddBotConnector</c> wires it (retry handler, Teams rate limits, attempt timeout), on a
/// test clock and a test transport, so the tests exercise the production handler chain rather than a copy of it.
/// </summary>
internal static class ConnectorServices
{
    public static ServiceProvider Create(
        TimeProvider time,
        BotConnectorOptions options,
        string? appId,
        IBotTokenProvider tokens,
        HttpMessageHandler transport,
        ILogger<ConnectorClient>? logger = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(tokens);
        services.AddBotConnector(new ConfigurationBuilder().Build());
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(Options.Create(new MicrosoftAppOptions { MicrosoftAppId = appId, MicrosoftAppPassword = appId is null ? null : "not-used" }));
        if (logger is not null)
        {
            services.AddSingleton(logger);
        }

        services.AddHttpClient(BotConnectorServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => transport);
        return services.BuildServiceProvider();
    }
}
