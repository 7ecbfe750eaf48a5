namespace KaizalaBot.PartnerCenter.Models;

public sealed record QuantityProvisioningInformation
{
    public int Quantity { get; init; }

    public string? Status { get; init; }
}
