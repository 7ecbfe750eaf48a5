namespace KaizalaBot.PartnerCenter.Models;

public sealed record ResourceAttributes
{
    public string? ObjectType { get; init; }

    public string? Etag { get; init; }
}
