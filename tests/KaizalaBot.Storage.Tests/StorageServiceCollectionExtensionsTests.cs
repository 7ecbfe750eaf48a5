using Azure.Storage.Blobs;
using KaizalaBot.Storage.Blobs;
using KaizalaBot.Storage.Diagnostics;
using KaizalaBot.Storage.Files;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Storage.Memory;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Storage.Tests;

[Collection(AzuriteGroup.Name)]
public sealed class StorageServiceCollectionExtensionsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TempDirectory _contentRoot = new();

    public void Dispose() => _contentRoot.Dispose();

    [Fact]
    public async Task AddKaizalaStorage_NoConfiguration_UsesFileStorageUnderContentRoot()
    {
        using var host = BuildHost([]);
        await host.StartAsync();

        var storage = host.Services.GetRequiredService<IStorage>();
        var leases = host.Services.GetRequiredService<ILeaseManager>();

        var file = Assert.IsType<FileStorage>(Backend(storage));
        Assert.Equal(Path.Combine(_contentRoot.Path, ".kaizalabot", "storage"), file.RootPath);
        Assert.IsType<FileLeaseManager>(leases);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddKaizalaStorage_MemoryProvider_RegistersMemoryBackends()
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = "Memory" });
        await host.StartAsync();

        var storage = host.Services.GetRequiredService<IStorage>();
        var leases = host.Services.GetRequiredService<ILeaseManager>();

        Assert.IsType<MemoryStorage>(Backend(storage));
        Assert.IsType<MemoryLeaseManager>(leases);
        Assert.Same(storage, host.Services.GetRequiredService<IStorage>());
        await host.StopAsync();
    }

    [Fact]
    public async Task AddKaizalaStorage_AzureBlobWithConnectionString_RegistersBlobBackendsOnConfiguredContainer()
    {
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:AzureBlob:ContainerName"] = "bot-state",
        });
        await host.StartAsync();

        var storage = host.Services.GetRequiredService<IStorage>();
        var leases = host.Services.GetRequiredService<ILeaseManager>();
        var container = host.Services.GetRequiredService<BlobContainerClient>();

        Assert.IsType<BlobStorage>(Backend(storage));
        Assert.IsType<BlobLeaseManager>(leases);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1/bot-state"), container.Uri);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddKaizalaStorage_AzureBlobOnAzurite_StoresAndLeasesThroughRegisteredServices()
    {
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureBlob:ContainerName"] = "di-" + Guid.NewGuid().ToString("N"),
        });
        await host.StartAsync();
        var storage = host.Services.GetRequiredService<IStorage>();
        var leases = host.Services.GetRequiredService<ILeaseManager>();

        var eTag = await storage.WriteAsync(
            "conversation/1", System.Text.Json.JsonSerializer.SerializeToElement(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);
        await using var lease = await leases.TryAcquireAsync("migration-runner", TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.Equal(eTag, (await storage.ReadAsync("conversation/1", CancellationToken.None))?.ETag);
        Assert.NotNull(lease);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddKaizalaStorage_AzureBlobWithServiceUri_RegistersBlobBackends()
    {
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ServiceUri"] = "https://contoso.blob.core.windows.net",
            ["Storage:AzureBlob:ManagedIdentityClientId"] = "5b0a4b4e-4f5c-4a53-9a39-0d8d3c7e3c11",
        });
        await host.StartAsync();

        var container = host.Services.GetRequiredService<BlobContainerClient>();

        Assert.Equal(new Uri("https://contoso.blob.core.windows.net/kaizalabot"), container.Uri);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddKaizalaStorage_AzureBlobWithoutEndpoint_FailsAtStartNamingTheKeys()
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = "AzureBlob" });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:AzureBlob:ConnectionString", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:AzureBlob:ServiceUri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddKaizalaStorage_UnknownProvider_FailsAtStartNamingTheKey()
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = "Cosmos" });

        var ex = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Storage:Provider", ex.Message, StringComparison.Ordinal);
    }

    // Every backend is registered behind the instrumentation wrapper, which only traces and measures.
    private static IStorage Backend(IStorage registered) => Assert.IsType<InstrumentedStorage>(registered).Inner;

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot.Path });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddKaizalaStorage(builder.Configuration);
        return builder.Build();
    }
}
