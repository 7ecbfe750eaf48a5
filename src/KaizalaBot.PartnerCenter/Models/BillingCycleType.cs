namespace KaizalaBot.PartnerCenter.Models;

public enum BillingCycleType
{
    Unknown,
    Monthly,
    Annual,
    None,
    OneTime,
    Triennial,
    Biennial,
}
