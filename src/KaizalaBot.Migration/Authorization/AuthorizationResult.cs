using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Authorization;

/// <summary>The answer to "may this Teams user do this?": the role it rests on, or the polite reason for a refusal.</summary>
public sealed record AuthorizationResult(bool IsAllowed, SellerRole? Role, string? PartnerCenterUserId, MigrationMessage? Refusal)
{
    public static AuthorizationResult Allowed(SellerRole role, string partnerCenterUserId) => new(true, role, partnerCenterUserId, null);

    public static AuthorizationResult Refused(string reason) =>
        new(false, null, null, MigrationMessage.Of(MessageCodes.SellerNotEntitled, ("reason", reason)));
}
