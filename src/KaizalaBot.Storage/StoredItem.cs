namespace KaizalaBot.Storage;

/// <summary>A typed document as read from storage, with the ETag to pass back on the next conditional write.</summary>
public sealed record StoredItem<T>(string Key, T Value, string ETag);
