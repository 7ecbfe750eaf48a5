namespace KaizalaBot.PartnerCenter.Models;

public enum CustomerPartnerRelationship
{
    Unknown,
    Reseller,
    Advisor,
    Syndication,
    MicrosoftSupport,
    None,
}
