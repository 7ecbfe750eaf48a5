using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// The reminders (section <c>Reminders</c>) on top of <c>AddKaizalaMigration</c>: schedule, planner, dispatcher,
    /// worker, ownership and snoozes. The host registers <see cref="IReminderRecipients"/> and <see cref="IReminderDelivery"/>
    /// and runs <see cref="ReminderWorker.RunAsync"/>.
    /// </summary>
    public static IServiceCollection AddKaizalaReminders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.TryAddSingleton<ReminderSchedule>();
        services.TryAddSingleton<ReminderStore>();
        services.TryAddSingleton<CustomerOwnership>();
        services.TryAddSingleton<ReminderSnoozes>();
        services.TryAddSingleton<ReminderPlanner>();
        services.TryAddSingleton<ReminderDispatcher>();
        services.TryAddSingleton<ReminderWorker>();
        return services;
    }
}
