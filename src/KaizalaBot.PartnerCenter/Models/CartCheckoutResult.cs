namespace KaizalaBot.PartnerCenter.Models;

// Partial success is possible: some orders created and some order groups failed (reference §5.2).
public sealed record CartCheckoutResult
{
    public IReadOnlyList<Order> Orders { get; init; } = [];

    public IReadOnlyList<OrderError> OrderErrors { get; init; } = [];
}
