namespace KaizalaBot.Migration.Authorization;

public enum SellerAction
{
    /// <summary>Plan, preview, start, cancel, retry or accept the remainder of a migration.</summary>
    Migrate,

    /// <summary>Approve or reject a purchase that waits for approval.</summary>
    Approve,
}
