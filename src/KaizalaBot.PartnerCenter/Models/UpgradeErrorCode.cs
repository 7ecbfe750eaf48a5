namespace KaizalaBot.PartnerCenter.Models;

// A plain integer on the wire (no EnumJsonConverter in the SDK, reference §1.4); integers read as such.
public enum UpgradeErrorCode
{
    Other = 0,
    DelegatedAdminPermissionsDisabled = 1,
    SubscriptionStatusNotActive = 2,
    ConflictingServiceTypes = 3,
    ConcurrencyConflicts = 4,
    UserContextRequired = 5,
    SubscriptionAddOnsPresent = 6,
    SubscriptionDoesNotHaveAnyUpgradePaths = 7,
    SubscriptionTargetOfferNotFound = 8,
    SubscriptionNotProvisioned = 9,
    OfferDoesNotSupportBillingCycle = 10,
    InsufficientGranularAdminPermissions = 11,
}
