namespace KaizalaBot.Cards;

/// <summary>
/// The verbs of every card button. <c>migrate.*</c> are answers to the migration dialog's waiting card (stamped, so a
/// stale card cannot answer); <c>migration.*</c> are bot-level routes acting on a migration record by its id.
/// </summary>
public static class CardVerbs
{
    public const string Search = "migrate.search";
    public const string Page = "migrate.page";
    public const string ChooseCustomer = "migrate.customer";
    public const string ChooseSubscription = "migrate.subscription";
    public const string ChoosePlan = "migrate.plan";
    public const string SetLicenceCount = "migrate.count";
    public const string SearchUsers = "migrate.userSearch";
    public const string ExcludeUser = "migrate.exclude";
    public const string IncludeUser = "migrate.include";
    public const string IncludeAllUsers = "migrate.includeAll";
    public const string Continue = "migrate.continue";
    public const string Refresh = "migrate.refresh";
    public const string Preview = "migrate.preview";
    public const string Confirm = "migrate.confirm";
    public const string Back = "migrate.back";
    public const string CancelDialog = "migrate.cancel";

    public const string ShowMigration = "migration.show";
    public const string CancelMigration = "migration.cancel";
    public const string RetryFailedUsers = "migration.retryFailed";
    public const string AcceptRemainder = "migration.acceptRemainder";
    public const string ResumeMigration = "migration.resume";
    public const string ApproveMigration = "migration.approve";
    public const string RejectMigration = "migration.reject";
}
