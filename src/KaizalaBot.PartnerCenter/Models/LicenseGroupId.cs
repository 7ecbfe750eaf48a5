namespace KaizalaBot.PartnerCenter.Models;

// Group1 = Entra-managed licences, Group2 = Minecraft; one licence update touches one group only.
public enum LicenseGroupId
{
    Group1,
    Group2,
}
