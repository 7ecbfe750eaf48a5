namespace KaizalaBot.PartnerCenter.Models;

// Integer values as the SDK enum (reference §3.2), which the wire may carry instead of the string.
public enum SubscriptionStatus
{
    None = 0,
    Active = 1,
    Suspended = 2,
    Deleted = 3,
    Expired = 4,
    Pending = 5,
    Disabled = 6,
}
