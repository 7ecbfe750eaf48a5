namespace KaizalaBot.Storage.Blobs;

public sealed record BlobDownloadResult(ReadOnlyMemory<byte> Content, string ETag, string? ContentType);
