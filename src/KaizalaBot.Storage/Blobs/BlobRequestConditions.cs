namespace KaizalaBot.Storage.Blobs;

/// <summary>Preconditions of a blob write or delete (the SDK's <c>BlobRequestConditions</c>, reduced).</summary>
public sealed record BlobRequestConditions
{
    /// <summary>Sent as <c>If-Match</c>: 412 ConditionNotMet when the blob's ETag differs.</summary>
    public string? IfMatch { get; init; }

    /// <summary>Sent as <c>If-None-Match</c>; <c>*</c> makes a put create-only (409 BlobAlreadyExists).</summary>
    public string? IfNoneMatch { get; init; }

    /// <summary>Required by the service to write a blob that has an active lease.</summary>
    public string? LeaseId { get; init; }

    public static BlobRequestConditions CreateOnly { get; } = new() { IfNoneMatch = "*" };
}
