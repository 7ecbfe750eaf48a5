using KaizalaBot.Migration;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Hosting;

/// <summary>The migration engine, its runner as a hosted service, and (until the conversation's cards land) a notifier that logs.</summary>
internal static class MigrationHostingExtensions
{
    public static WebApplicationBuilder AddMigration(this WebApplicationBuilder builder)
    {
        builder.Services.AddKaizalaMigration(builder.Configuration);
        builder.Services.AddSingleton<IMigrationNotifier, LoggingMigrationNotifier>();
        builder.Services.AddHostedService<MigrationRunnerService>();
        return builder;
    }
}
