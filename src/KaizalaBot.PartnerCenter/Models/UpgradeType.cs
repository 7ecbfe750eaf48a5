namespace KaizalaBot.PartnerCenter.Models;

public enum UpgradeType
{
    None = 0,
    UpgradeOnly = 1,
    UpgradeWithLicenseTransfer = 2,
}
