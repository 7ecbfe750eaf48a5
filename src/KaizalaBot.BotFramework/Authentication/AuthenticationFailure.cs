namespace KaizalaBot.BotFramework.Authentication;

/// <summary>Why a request was refused; logged, never told to the caller.</summary>
internal enum AuthenticationFailure
{
    MissingAuthorizationHeader,
    MalformedAuthorizationHeader,
    NoAppIdConfigured,
    MalformedToken,
    UntrustedIssuer,
    MissingKeyId,
    UnknownSigningKey,
    MetadataUnavailable,
    Expired,
    NotYetValid,
    InvalidAudience,
    InvalidIssuer,
    InvalidAlgorithm,
    InvalidSignature,
    InvalidToken,
    MissingEndorsement,
    MissingServiceUrlClaim,
    ServiceUrlMismatch,
    MissingVersionClaim,
    UnsupportedVersion,
    AppIdMismatch,
}
