using KaizalaBot.Dialogs;
using KaizalaBot.Dialogs.Migration;
using KaizalaBot.Dialogs.Migration.Preparation;
using KaizalaBot.Dialogs.Migration.Steps;
using KaizalaBot.Migration;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Hosting;

/// <summary>The migration engine and its runner, the migration conversation (dialog, steps, background reads) and its cards in Teams.</summary>
internal static class MigrationHostingExtensions
{
    public static WebApplicationBuilder AddMigration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddKaizalaMigration(builder.Configuration);
        services.AddHostedService<MigrationRunnerService>();
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The engine speaks through cards: queued, shown by one sender, updated in place.
        services.AddSingleton<MigrationCardQueue>();
        services.AddSingleton<IMigrationNotifier, TeamsMigrationNotifier>();
        services.AddSingleton<MigrationCards>();
        services.AddSingleton<MigrationLists>();
        services.AddSingleton<ApprovalCards>();
        services.AddSingleton<MigrationCardPublisher>();
        services.AddHostedService<MigrationCardSender>();

        // The dialog: a step per class, reads that cost a call per user in the background, their cards redrawn in place.
        services.AddSingleton<LiveCards>();
        services.AddSingleton<BackgroundReads>();
        services.AddSingleton<UserListPreparer>();
        services.AddSingleton<PreviewPreparer>();
        services.AddSingleton<LiveViewRenderer>();
        services.AddHostedService<LiveCardUpdater>();
        services.AddSingleton<MigrationSelections>();
        services.AddSingleton<MigrationConfirmation>();
        services.AddStep<CustomerStep>().AddStep<SubscriptionStep>().AddStep<PlanStep>().AddStep<LicenceCountStep>().AddStep<UsersStep>().AddStep<ReviewStep>();
        services.AddSingleton<MigrationDialogStart>();
        services.AddSingleton<MigrationDialog>();
        services.AddSingleton<RootDialog>();
        services.AddSingleton<MigrationDialogLauncher>();
        return builder;
    }

    private static IServiceCollection AddStep<TStep>(this IServiceCollection services)
        where TStep : class, IMigrationStep
    {
        services.AddSingleton<TStep>();
        services.AddSingleton<IMigrationStep>(sp => sp.GetRequiredService<TStep>());
        return services;
    }
}
