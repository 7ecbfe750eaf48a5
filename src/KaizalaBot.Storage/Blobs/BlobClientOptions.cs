namespace KaizalaBot.Storage.Blobs;

/// <summary>Transport settings of <see cref="BlobServiceClient"/>.</summary>
public sealed record BlobClientOptions
{
    /// <summary>Pinned REST version; 2021-08-06 is served by Azure and by Azurite 3.35.</summary>
    public string ServiceVersion { get; init; } = "2021-08-06";

    public int MaxRetries { get; init; } = 4;

    /// <summary>First retry delay; later ones double, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(400);
}
