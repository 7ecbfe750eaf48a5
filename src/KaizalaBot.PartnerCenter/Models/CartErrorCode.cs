namespace KaizalaBot.PartnerCenter.Models;

// Values from the SDK's CartErrorCode (reference §5.1); on the wire snake_case or the integer.
public enum CartErrorCode
{
    Unknown = 0,
    CurrencyIsNotSupported = 10000,
    CatalogItemIdIsNotValid = 10001,
    QuotaNotAvailable = 10002,
    InventoryNotAvailable = 10003,
    ParticipantsIsNotSupportedForPartner = 10004,
    UnableToProcessCartLineItem = 10006,
    SubscriptionIsNotValid = 10007,
    SubscriptionIsNotEnabledForRI = 10008,
    SandboxLimitExceeded = 10009,
    InvalidInput = 10010,
    SubscriptionNotRegistered = 10011,
    AttestationNotAccepted = 10012,
    BillingPlanNotSupported = 10013,
    InvalidPromotionId = 10014,
    MaxAllowedSeatsPerSubscriptionExceeded = 10015,
    InvalidCustomTermEndDateProduct = 10016,
    InvalidCustomTermEndDate = 10017,
    BaseOfferSeatQuantityNotMet = 10018,
    MinimumAddOnSeatsNotMet = 10019,
    LegacyOfferNotEligibleForPurchase = 500600,
}
