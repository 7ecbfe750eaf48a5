namespace KaizalaBot.Storage;

/// <summary>The <c>Storage:AzureBlob</c> section: a connection string (account key or Azurite) or a service URL with Entra ID.</summary>
public sealed class AzureBlobStorageOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>For example <c>https://account.blob.core.windows.net</c>; authenticated with a managed identity or DefaultAzureCredential.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; without it DefaultAzureCredential is used.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string ContainerName { get; set; } = "kaizalabot";
}
