namespace KaizalaBot.Reliability;

/// <summary>The store the bot restarts on: the embedded default, or Azure Blob through the official client on Azurite.</summary>
public enum StorageKind
{
    File,
    Blob,
}
