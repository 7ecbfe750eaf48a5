using Azure;
using Azure.Storage.Blobs;
using KaizalaBot.Storage.Blobs;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing.Azurite;

namespace KaizalaBot.Storage.Tests.Blobs;

[Collection(AzuriteGroup.Name)]
public sealed class BlobClientFactoryTests(AzuriteFixture azurite)
{
    private const string Key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    [Theory]
    [InlineData("UseDevelopmentStorage=true", "http://127.0.0.1:10000/devstoreaccount1/bot-state")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=" + Key + ";EndpointSuffix=core.windows.net",
        "https://contoso.blob.core.windows.net/bot-state")]
    [InlineData("BlobEndpoint=https://storage.contoso.example/contoso;AccountName=contoso;AccountKey=" + Key,
        "https://storage.contoso.example/contoso/bot-state")]
    public void CreateContainerClient_ConnectionStringForms_PointAtTheirBlobEndpoint(string connectionString, string expectedUri)
    {
        var container = BlobClientFactory.CreateContainerClient(
            new AzureBlobStorageOptions { ConnectionString = connectionString, ContainerName = "bot-state" });

        Assert.Equal(new Uri(expectedUri), container.Uri);
        Assert.True(BlobClientFactory.IsValidConnectionString(connectionString));
    }

    [Fact]
    public void CreateContainerClient_ServiceUriWithManagedIdentity_PointsAtTheAccount()
    {
        var container = BlobClientFactory.CreateContainerClient(new AzureBlobStorageOptions
        {
            ServiceUri = new Uri("https://contoso.blob.core.windows.net"),
            ManagedIdentityClientId = "5b0a4b4e-4f5c-4a53-9a39-0d8d3c7e3c11",
            ContainerName = "bot-state",
        });

        Assert.Equal(new Uri("https://contoso.blob.core.windows.net/bot-state"), container.Uri);
    }

    [Theory]
    [InlineData("not a connection string")]
    [InlineData("AccountKey=" + Key)]
    [InlineData("AccountName=contoso")]
    public void IsValidConnectionString_Malformed_IsFalse(string connectionString)
    {
        Assert.False(BlobClientFactory.IsValidConnectionString(connectionString));
    }

    // Azurite 3.37 checks the API version (no --skipApiVersionCheck): it refuses the SDK's default, 2026-10-06, and
    // serves the version the factory pins, so every Azurite test runs the exact wire version production sends.
    [Fact]
    public async Task PinnedServiceVersion_AzuriteWithVersionCheck_ServesPinnedRefusesSdkDefault()
    {
        var name = $"version-{Guid.NewGuid():N}";
        var pinned = BlobClientFactory.CreateContainerClient(new AzureBlobStorageOptions { ConnectionString = azurite.ConnectionString, ContainerName = name });
        var sdkDefault = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name);

        await pinned.CreateIfNotExistsAsync();
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => sdkDefault.ExistsAsync());

        Assert.Equal(400, refused.Status);
        Assert.Equal(BlobClientOptions.ServiceVersion.V2026_06_06, BlobClientFactory.PinnedServiceVersion);
    }
}
