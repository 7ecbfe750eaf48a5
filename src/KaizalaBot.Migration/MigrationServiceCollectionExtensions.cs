using KaizalaBot.Migration.Audit;
using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Diagnostics;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.PartnerCenterAccess;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Tokens;
using KaizalaBot.PartnerCenter.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration;

public static class MigrationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the migration domain and job on top of <c>AddKaizalaStorage</c> and <c>AddPartnerCenterClient</c>: the
    /// planner, the migration service, the runner (the host runs it), the audit trail, the authoriser, the expiry index,
    /// and the refresh token persisted in storage. The host registers its <see cref="Notifications.IMigrationNotifier"/>.
    /// </summary>
    public static IServiceCollection AddKaizalaMigration(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MigrationOptions>().Bind(configuration.GetSection(MigrationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MigrationOptions>, MigrationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<MigrationTelemetry>();
        services.TryAddSingleton<KaizalaDetector>();
        services.TryAddSingleton<PlanCatalogue>();
        services.TryAddSingleton<PlanRecommender>();
        services.TryAddSingleton<CustomerRateLimiter>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<AuditedPartnerCenter>();
        services.TryAddSingleton<SellerAuthorizer>();
        services.TryAddSingleton<TenantReader>();
        services.TryAddSingleton<UserListingCache>();
        services.TryAddSingleton<RecentCustomerReads>();
        services.TryAddSingleton<RecentCustomerSearches>();
        services.TryAddSingleton<MigrationPlanner>();
        services.TryAddSingleton<MigrationStore>();
        services.TryAddSingleton<RunnerSignal>();
        services.TryAddSingleton<MigrationService>();
        services.TryAddSingleton<MigrationExecutor>();
        services.TryAddSingleton<MigrationRunner>();
        services.AddExpiryIndex(configuration);

        // Replaces the client's in-memory default: the rotated token must survive restarts and be shared by instances.
        services.Replace(ServiceDescriptor.Singleton<IRefreshTokenStore, StorageRefreshTokenStore>());
        return services;
    }
}
