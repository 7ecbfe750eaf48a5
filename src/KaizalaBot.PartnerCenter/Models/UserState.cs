namespace KaizalaBot.PartnerCenter.Models;

public enum UserState
{
    Active,
    Inactive,
}
