namespace KaizalaBot.PartnerCenter;

// The SDK's PartnerErrorCategory mapping from HTTP status (reference §7), plus the outcomes that arrive
// inside a success status: cart line-item errors, checkout order errors, and an accepted (202) subscription
// change that had not shown within the polling bounds.
public enum PartnerErrorCategory
{
    ServerError,
    BadInput,
    Unauthorized,
    Forbidden,
    NotFound,
    InvalidOperation,
    UnsupportedDataFormat,
    AlreadyExists,
    RequestTimeout,
    TooManyRequests,
    ServerBusy,
    GatewayTimeout,
    InvalidCartLineItem,
    OrderFailed,
    InvalidResponse,
    OperationPending,
}
