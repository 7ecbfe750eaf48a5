using KaizalaBot.Storage;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Testing.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Migration.Tests;

/// <summary>Two runners on Azure Blob storage (Azurite), each with its own Blob client and blob leases: each migration runs once.</summary>
public sealed class TwoRunnersOnBlobTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private readonly List<ServiceProvider> _stores = [];
    private readonly IConfiguration _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "AzureBlob",
        ["Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
        ["Storage:AzureBlob:ContainerName"] = $"migrations-{Guid.NewGuid():N}",
    }).Build();

    [Fact]
    public Task TwoRunners_BlobStoreOnAzurite_EachMigrationRunsOnce() =>
        TwoRunnersTests.RunTwoAsync(
            storage: time => NewStore(time).GetRequiredService<IStorage>(),
            leases: services => NewStore(services.GetRequiredService<TimeProvider>()).GetRequiredService<ILeaseManager>());

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    // The storage as the host registers it (Storage:Provider=AzureBlob): one per instance, as two processes would have.
    private ServiceProvider NewStore(TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddKaizalaStorage(_configuration);
        var store = services.BuildServiceProvider();
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }
}
