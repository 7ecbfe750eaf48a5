using KaizalaBot.Proactive;

namespace KaizalaBot.Hosting;

/// <summary>The expiry index's start-up build (the index itself comes with the migration engine).</summary>
internal static class ReminderHostingExtensions
{
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ExpiryIndexStartupService>();
        return builder;
    }
}
