using KaizalaBot.Storage.Blobs;
using KaizalaBot.Testing.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

namespace KaizalaBot.Storage.Tests.Infrastructure;

/// <summary>Blob clients on the shared Azurite fixture.</summary>
internal static class AzuriteContainers
{
    private static readonly HttpClient Http = new();

    public static BlobServiceClient CreateServiceClient(this AzuriteFixture azurite, BlobClientOptions? options = null) =>
        new(Http, BlobConnectionString.Parse(azurite.ConnectionString), options ?? new BlobClientOptions(), TimeProvider.System,
            NullLogger<BlobServiceClient>.Instance);

    /// <summary>A container name no other test uses (not created: the code under test creates it on first use).</summary>
    public static BlobContainerClient NewContainer(this AzuriteFixture azurite) =>
        azurite.CreateServiceClient().GetBlobContainerClient($"test-{Guid.NewGuid():N}");
}
