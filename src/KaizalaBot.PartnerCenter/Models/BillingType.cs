namespace KaizalaBot.PartnerCenter.Models;

public enum BillingType
{
    None,
    Usage,
    License,
    Benefit,
}
