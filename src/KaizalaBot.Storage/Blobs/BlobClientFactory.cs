using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace KaizalaBot.Storage.Blobs;

/// <summary>
/// Builds the official Blob client (Azure.Storage.Blobs) from <see cref="AzureBlobStorageOptions"/>: a connection string
/// (account key, SAS, <c>UseDevelopmentStorage=true</c> or the <c>BlobEndpoint=</c> form, all parsed by the SDK) or a
/// service URI with an Entra ID credential.
/// </summary>
public static class BlobClientFactory
{
    /// <summary>
    /// The Blob REST version every request carries. Pinned rather than the SDK's default (2026-10-06) so that the
    /// version the tests run against Azurite 3.37 is the very version production sends; bump it together with
    /// Azurite when both support a newer one (README, "Storage and leases").
    /// </summary>
    public const BlobClientOptions.ServiceVersion PinnedServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    public static BlobServiceClient CreateServiceClient(AzureBlobStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(
                options.ServiceUri ?? throw new ArgumentException("Set a connection string or a service URI.", nameof(options)),
                CreateCredential(options),
                CreateClientOptions())
            : new BlobServiceClient(options.ConnectionString, CreateClientOptions());
    }

    public static BlobContainerClient CreateContainerClient(AzureBlobStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CreateServiceClient(options).GetBlobContainerClient(options.ContainerName);
    }

    /// <summary>
    /// The client's options: the pinned version, and retries on the SDK's own policy (exponential back-off with jitter
    /// on 408, 429, 500, 502, 503, 504 and network failures, honouring Retry-After), never a retry loop of ours.
    /// </summary>
    public static BlobClientOptions CreateClientOptions()
    {
        var options = new BlobClientOptions(PinnedServiceVersion);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(400);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);

        // Every call moves a small JSON document or a lease: a minute without an answer is an outage, not a slow blob.
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>Whether the SDK accepts <paramref name="connectionString"/> and finds a Blob endpoint in it.</summary>
    public static bool IsValidConnectionString(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString, CreateClientOptions());
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static TokenCredential CreateCredential(AzureBlobStorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
}
