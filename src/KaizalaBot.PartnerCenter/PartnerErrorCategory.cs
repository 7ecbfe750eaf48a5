namespace KaizalaBot.PartnerCenter;

// The SDK's PartnerErrorCategory mapping from HTTP status (reference §7), plus the two outcomes that arrive
// inside a success status: cart line-item errors and checkout order errors.
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
}
