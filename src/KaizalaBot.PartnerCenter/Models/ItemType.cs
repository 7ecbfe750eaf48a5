namespace KaizalaBot.PartnerCenter.Models;

public sealed record ItemType
{
    public string? Id { get; init; }

    public string? DisplayName { get; init; }

    public ItemType? SubType { get; init; }
}
