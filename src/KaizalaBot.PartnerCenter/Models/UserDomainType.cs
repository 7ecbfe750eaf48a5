namespace KaizalaBot.PartnerCenter.Models;

public enum UserDomainType
{
    None,
    Managed,
    Federated,
}
