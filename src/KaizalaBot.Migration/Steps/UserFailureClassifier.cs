using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.PartnerCenterAccess;
using KaizalaBot.PartnerCenter;

namespace KaizalaBot.Migration.Steps;

/// <summary>
/// Why one user's licence move failed, and whether trying again can help (architecture §5): throttling and transient
/// faults are retryable; a missing usage location, a service-plan conflict and an empty pool (60012) need a person.
/// </summary>
internal static class UserFailureClassifier
{
    public static (MigrationMessage Reason, bool Retryable) Classify(PartnerException ex) => ex switch
    {
        _ when ex.HasCode("60012") => (MigrationMessage.Of(MessageCodes.UserNoSeats), false),
        _ when ex.Mentions("UsageLocation") || ex.Mentions("usage location") => (MigrationMessage.Of(MessageCodes.UserNoUsageLocation), false),
        _ when ex.Mentions("MutuallyExclusiveViolation") => (MigrationMessage.Of(MessageCodes.UserPlanConflict), false),
        _ when ex.HasCode("60002") || ex.ErrorCategory == PartnerErrorCategory.NotFound => (MigrationMessage.Of(MessageCodes.UserNotFound), false),
        _ when ex.ErrorCategory == PartnerErrorCategory.TooManyRequests => (MigrationMessage.Of(MessageCodes.UserThrottled), true),
        _ when ex.IsTransient() => (MigrationMessage.Of(MessageCodes.UserTransient), true),
        _ => (MigrationMessage.Of(MessageCodes.UserRejected, ("code", ex.ErrorCode ?? ex.ErrorCategory.ToString())), false),
    };
}
