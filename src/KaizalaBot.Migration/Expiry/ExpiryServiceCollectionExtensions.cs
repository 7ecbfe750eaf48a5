using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Expiry;

public static class ExpiryServiceCollectionExtensions
{
    /// <summary>
    /// The expiry scanner and index (section <c>Expiry</c>), on top of the migration engine's Partner Center access and
    /// storage. The host runs <see cref="ExpiryIndexBuilder.BuildIfAbsentAsync"/> at start-up.
    /// </summary>
    public static IServiceCollection AddExpiryIndex(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ExpiryOptions>().Bind(configuration.GetSection(ExpiryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExpiryOptions>, ExpiryOptionsValidator>());
        services.TryAddSingleton<ExpiryIndex>();
        services.TryAddSingleton<ScanPacer>();
        services.TryAddSingleton<ExpiryScanner>();
        services.TryAddSingleton<ExpiryIndexBuilder>();
        return services;
    }
}
