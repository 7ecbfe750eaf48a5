using System.Text.Json;

namespace KaizalaBot.Storage;

/// <summary>A document as read from storage, with the ETag to pass back on the next conditional write.</summary>
public sealed record StoredDocument(string Key, JsonElement Content, string ETag);
