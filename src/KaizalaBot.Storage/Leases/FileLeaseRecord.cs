using System.Text.Json.Serialization;

namespace KaizalaBot.Storage.Leases;

/// <summary>The content of a lease file: who holds the lease and until when (UTC, the machine's clock).</summary>
internal sealed record FileLeaseRecord
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("holderId")]
    public required string HolderId { get; init; }

    [JsonPropertyName("expiresAt")]
    public required DateTimeOffset ExpiresAt { get; init; }
}
