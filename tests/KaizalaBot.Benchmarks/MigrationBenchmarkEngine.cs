using KaizalaBot.Migration;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Storage;
using KaizalaBot.Testing.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// The migration engine as the host wires it (storage, Partner Center client, migration services), on the real clock,
/// with the product's default settings: only where Partner Center and the store are differs.
/// </summary>
internal static class MigrationBenchmarkEngine
{
    public static ServiceProvider Build(Uri partnerCenter, string storage, string storageRoot, RequestLog requests, IMigrationNotifier notifier)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PartnerCenter:Endpoint"] = partnerCenter.ToString(),
            ["PartnerCenter:Authority"] = partnerCenter.ToString(),
            ["PartnerCenter:PartnerTenantId"] = SimulatorDemoDirectory.PartnerTenantId,
            ["PartnerCenter:ApplicationId"] = SimulatorDemoDirectory.DemoClientId,
            ["PartnerCenter:ApplicationSecret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["PartnerCenter:RefreshToken"] = SimulatorDemoDirectory.DemoRefreshToken,
            ["Storage:Provider"] = storage,
            ["Storage:File:RootPath"] = storageRoot,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddKaizalaStorage(configuration);
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(requests.CreatePrimaryHandler));
        services.AddPartnerCenterClient(configuration);
        services.AddKaizalaMigration(configuration);
        services.AddSingleton(notifier);
        var provider = services.BuildServiceProvider(validateScopes: true);
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }
}
