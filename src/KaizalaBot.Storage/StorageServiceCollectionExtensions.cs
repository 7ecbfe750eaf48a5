using Azure.Storage.Blobs;
using KaizalaBot.Storage.Blobs;
using KaizalaBot.Storage.Diagnostics;
using KaizalaBot.Storage.Files;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Storage.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStorage"/> and <see cref="ILeaseManager"/> for the provider chosen by <c>Storage:Provider</c>
    /// (File by default), with the <c>Storage</c> section validated at start-up.
    /// </summary>
    public static IServiceCollection AddKaizalaStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton<StorageTelemetry>();

        // The official client is thread-safe and meant to live as long as the app (its transport pools connections).
        services.TryAddSingleton(sp => BlobClientFactory.CreateContainerClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.AzureBlob));

        services.TryAddSingleton(CreateStorage);
        services.TryAddSingleton(CreateLeaseManager);
        return services;
    }

    /// <summary>The absolute root of the File provider: <c>Storage:File:RootPath</c> against the content root or current directory.</summary>
    internal static string ResolveRootPath(IServiceProvider services, StorageOptions options)
    {
        var baseDirectory = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(options.File.RootPath, baseDirectory);
    }

    private static IStorage CreateStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        IStorage backend = options.Provider switch
        {
            StorageProvider.Memory => new MemoryStorage(),
            StorageProvider.File => new FileStorage(ResolveRootPath(services, options), services.GetRequiredService<TimeProvider>()),
            StorageProvider.AzureBlob => new BlobStorage(services.GetRequiredService<BlobContainerClient>()),
            _ => throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported."),
        };
        return new InstrumentedStorage(backend, options.Provider.ToString(), services.GetRequiredService<StorageTelemetry>());
    }

    private static ILeaseManager CreateLeaseManager(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return options.Provider switch
        {
            StorageProvider.Memory => new MemoryLeaseManager(time, loggers.CreateLogger<MemoryLeaseManager>()),
            StorageProvider.File => new FileLeaseManager(ResolveRootPath(services, options), time, loggers.CreateLogger<FileLeaseManager>()),
            StorageProvider.AzureBlob => new BlobLeaseManager(
                services.GetRequiredService<BlobContainerClient>(), time, loggers.CreateLogger<BlobLeaseManager>()),
            _ => throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported."),
        };
    }
}
