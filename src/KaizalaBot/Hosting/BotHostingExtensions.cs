using KaizalaBot.Bot;
using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Proactive;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Hosting;

/// <summary>The one place that wires the Bot Framework protocol layer to this bot.</summary>
internal static class BotHostingExtensions
{
    public static WebApplicationBuilder AddBotHosting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBotFrameworkAuthentication(builder.Configuration);
        services.AddBotConnector(builder.Configuration);
        services.AddSingleton<IValidateOptions<MicrosoftAppOptions>, AppIdRequiredOutsideDevelopment>();

        // The Agents Playground and the Emulator post from loopback with a loopback serviceUrl; only a developer
        // machine may send there.
        var development = builder.Environment.IsDevelopment();
        services.PostConfigure<BotConnectorOptions>(options => options.AllowLoopbackServiceUrls = development);

        services.AddBotAdapter<KaizalaTeamsBot>();
        services.AddSingleton<BotTexts>();
        services.AddSingleton<CardRenderer>();
        services.AddSingleton<InstallationStore>();
        return builder;
    }

    public static WebApplication MapBot(this WebApplication app)
    {
        app.MapBotEndpoint("/api/messages");
        return app;
    }
}
