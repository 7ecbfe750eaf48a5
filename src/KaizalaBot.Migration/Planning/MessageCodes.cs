namespace KaizalaBot.Migration.Planning;

/// <summary>
/// Every code the engine emits. The host keeps one text per code and language, plus <c>{code}.action</c> ("what to
/// do") for findings, attention and user failures; the README lists them with their arguments.
/// </summary>
public static class MessageCodes
{
    public const string RecommendEducation = "recommend.education";
    public const string RecommendFrontline = "recommend.frontline";
    public const string RecommendBusiness = "recommend.business";
    public const string RecommendEnterprise = "recommend.enterprise";
    public const string RecommendHeldPlan = "recommend.heldPlan";
    public const string PlanEducationOnly = "plan.educationOnly";
    public const string PlanSeatLimit = "plan.seatLimit";

    public const string LicencesBelowUsers = "licences.belowUsers";
    public const string LicencesAboveMaximum = "licences.aboveMaximum";
    public const string LicencesImpossible = "licences.impossible";

    public const string SellerNotEntitled = "seller.notEntitled";
    public const string SourceNotKaizala = "source.notKaizala";
    public const string SourceNotActive = "source.notActive";
    public const string SourceEndsSoon = "source.endsSoon";
    public const string SourceSeats = "source.seats";
    public const string SourceUnassignedSeats = "source.unassignedSeats";
    public const string SourceNotConfirmed = "source.notConfirmedBySubscribedSkus";
    public const string SourceMigrationActive = "source.migrationActive";
    public const string UsersNone = "users.none";
    public const string UsersNotOnKaizala = "users.notOnKaizala";
    public const string UsersNoUsageLocation = "users.noUsageLocation";
    public const string UsersServicePlanOverlap = "users.servicePlanOverlap";
    public const string UsersAlreadyMoved = "users.alreadyMoved";
    public const string TargetFreeSeats = "target.freeSeats";
    public const string TargetNotFound = "target.notFound";
    public const string PlanUnknown = "plan.unknown";
    public const string ApprovalRequired = "approval.required";

    public const string UserNoUsageLocation = "user.noUsageLocation";
    public const string UserPlanConflict = "user.planConflict";
    public const string UserNoSeats = "user.noSeats";
    public const string UserThrottled = "user.throttled";
    public const string UserTransient = "user.transient";
    public const string UserRejected = "user.rejected";
    public const string UserNotFound = "user.notFound";

    public const string AttentionUsersFailed = "attention.usersFailed";
    public const string AttentionPurchaseFailed = "attention.purchaseFailed";
    public const string AttentionProvisioningTimeout = "attention.provisioningTimeout";
    public const string AttentionSuspendFailed = "attention.suspendFailed";
    public const string AttentionVerifyFailed = "attention.verifyFailed";
    public const string AttentionAccessDenied = "attention.accessDenied";
    public const string AttentionUnexpected = "attention.unexpected";
}
