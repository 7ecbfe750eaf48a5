namespace KaizalaBot.Storage;

/// <summary>The value of <c>Storage:Provider</c>.</summary>
public enum StorageProvider
{
    /// <summary>Local files (the embedded default): one machine, any number of processes.</summary>
    File,

    /// <summary>In-process only; everything is lost on restart.</summary>
    Memory,

    /// <summary>Azure Blob Storage: any number of instances.</summary>
    AzureBlob,
}
