using KaizalaBot.Bot;
using KaizalaBot.Bot.Commands;
using KaizalaBot.Bot.Routes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs.Prompts;
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
        services.AddSingleton<ITurnFailureMessages, PartnerCenterTurnFailures>();
        services.AddSingleton<CardRenderer>();
        services.AddSingleton<InstallationStore>();
        services.AddSingleton(sp => CardMessages(sp.GetRequiredService<BotTexts>()));

        // The bot's routes: installs, typed commands, bot-level card actions (verbs), dialogs.
        services.AddScoped<InstallationRoute>();
        services.AddSingleton<DialogRoute>();
        services.AddScoped<CommandRouter>();
        services.AddBotCommand<HelpCommand>(BotCommand.Help, "commandHelp");
        services.AddBotCommand<MigrateCommand>(BotCommand.Migrate, "commandMigrate");
        services.AddBotCommand<StatusCommand>(BotCommand.Status, "commandStatus");
        services.AddBotCommand<ResumeCommand>(BotCommand.Resume, "commandResume");
        services.AddBotCommand<CancelCommand>(BotCommand.Cancel, "commandCancel");
        services.AddBotCommand<HistoryCommand>(BotCommand.History, "commandHistory");
        services.AddCardActionRoute<ShowMigrationRoute>();
        services.AddCardActionRoute<CancelMigrationRoute>();
        services.AddCardActionRoute<RetryFailedUsersRoute>();
        services.AddCardActionRoute<AcceptRemainderRoute>();
        services.AddCardActionRoute<ResumeMigrationRoute>();
        services.AddCardActionRoute<ApproveMigrationRoute>();
        services.AddCardActionRoute<RejectMigrationRoute>();
        return builder;
    }

    /// <summary>A typed command: its handler, and its line on the help card (in registration order).</summary>
    internal static IServiceCollection AddBotCommand<THandler>(this IServiceCollection services, BotCommand command, string helpTextKey)
        where THandler : class, ICommandHandler
    {
        services.AddKeyedScoped<ICommandHandler, THandler>(command);
        services.AddSingleton(new BotCommandRegistration(command, helpTextKey));
        return services;
    }

    private static CardPromptMessages CardMessages(BotTexts texts) => new()
    {
        StaleCard = turn => texts.ForLocale(turn.Activity.Locale)["staleCard"],
        Accepted = turn => texts.ForLocale(turn.Activity.Locale)["cardAccepted"],
        NotOwner = turn => texts.ForLocale(turn.Activity.Locale)["notDialogOwner"],
        NotOwnerTyped = turn => texts.ForLocale(turn.Activity.Locale)["notDialogOwnerTyped"],
        DialogChanged = turn => texts.ForLocale(turn.Activity.Locale)["dialogChanged"],
    };

    public static WebApplication MapBot(this WebApplication app)
    {
        app.MapBotEndpoint("/api/messages");
        return app;
    }
}
