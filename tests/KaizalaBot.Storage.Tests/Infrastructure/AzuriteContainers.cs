using Azure.Storage.Blobs;
using KaizalaBot.Storage.Blobs;
using KaizalaBot.Testing.Azurite;

namespace KaizalaBot.Storage.Tests.Infrastructure;

/// <summary>Containers on the shared Azurite, built by the production factory (pinned version, SDK retries).</summary>
internal static class AzuriteContainers
{
    /// <summary>A container name no other test uses (not created: the code under test creates it on first use).</summary>
    public static BlobContainerClient NewContainer(this AzuriteFixture azurite) =>
        BlobClientFactory.CreateContainerClient(
            new AzureBlobStorageOptions { ConnectionString = azurite.ConnectionString, ContainerName = $"test-{Guid.NewGuid():N}" });
}
