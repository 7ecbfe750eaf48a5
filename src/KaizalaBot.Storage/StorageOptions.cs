namespace KaizalaBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.File;

    public FileStorageOptions File { get; set; } = new();

    public AzureBlobStorageOptions AzureBlob { get; set; } = new();
}
