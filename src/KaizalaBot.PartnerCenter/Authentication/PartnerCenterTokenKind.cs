namespace KaizalaBot.PartnerCenter.Authentication;

// Which Entra token an operation needs (reference §1.2 table).
internal enum PartnerCenterTokenKind
{
    AppOnly,
    AppPlusUser,
}
