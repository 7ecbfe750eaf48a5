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

    /// <summary>
    /// A new container whose requests go through <paramref name="handler"/>, with the production client options but the
    /// SDK's back-off shortened to a millisecond: its retries are spent at once instead of after seconds of real time.
    /// </summary>
    public static BlobContainerClient NewContainer(this AzuriteFixture azurite, HttpMessageHandler handler)
    {
        var options = BlobClientFactory.CreateClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        options.Transport = new Azure.Core.Pipeline.HttpClientTransport(new HttpClient(handler));
        return new BlobContainerClient(azurite.ConnectionString, $"test-{Guid.NewGuid():N}", options);
    }
}
