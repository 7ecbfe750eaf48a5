using KaizalaBot.Bot;
using KaizalaBot.Bot.Commands;
using KaizalaBot.Bot.Reminders;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.Proactive;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Hosting;

/// <summary>
/// The proactive expiry reminders: the engine's ports (recipients from the stored installations, delivery through the
/// adapter), the <c>expiring</c> and <c>reminders</c> commands, the reminder cards' buttons, the index's start-up build
/// and the reminder worker; in Development, a "scan now" trigger.
/// </summary>
internal static class ReminderHostingExtensions
{
    public const string ScanNowPath = "/_dev/reminders/scan";

    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddKaizalaReminders(builder.Configuration);
        services.AddSingleton<IReminderRecipients, TeamsReminderRecipients>();
        services.AddSingleton<IReminderDelivery, TeamsReminderDelivery>();
        services.AddSingleton<ExpiryCardBuilder>();
        services.AddSingleton<ExpiringList>();

        services.AddBotCommand<ExpiringCommand>(BotCommand.Expiring, "commandExpiring");
        services.AddBotCommand<RemindersCommand>(BotCommand.Reminders, "commandReminders");
        services.AddCardActionRoute<SnoozeReminderRoute>();
        services.AddCardActionRoute<HandleCustomerRoute>();
        services.AddCardActionRoute<HandBackCustomerRoute>();
        services.AddCardActionRoute<ReminderDetailsRoute>();
        services.AddCardActionRoute<ExpiringPageRoute>();
        services.AddCardActionRoute<StartMigrationRoute>();

        services.AddHostedService<ExpiryIndexStartupService>();
        services.AddHostedService<ReminderWorkerService>();
        return builder;
    }

    /// <summary>
    /// Development only: <c>POST /_dev/reminders/scan</c> asks the reminder worker for a cycle with a fresh scan now
    /// (answered 202; the cards arrive in the chats as they are sent). The route does not exist in any other environment.
    /// </summary>
    public static WebApplication MapReminderScanInDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.MapPost(ScanNowPath, (ReminderWorker worker, IOptions<ReminderOptions> options) =>
        {
            if (!options.Value.Enabled)
            {
                return Results.Problem("Reminders:Enabled is false on this instance.", statusCode: StatusCodes.Status409Conflict);
            }

            worker.RequestScanNow();
            return Results.Accepted();
        });
        return app;
    }
}
