namespace KaizalaBot.PartnerCenter.Models;

public sealed record Link
{
    public required string Uri { get; init; }

    public string? Method { get; init; }

    public IReadOnlyList<LinkHeader> Headers { get; init; } = [];
}
