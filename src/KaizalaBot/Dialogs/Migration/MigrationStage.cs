namespace KaizalaBot.Dialogs.Migration;

/// <summary>The steps of the migration dialog, in order.</summary>
public enum MigrationStage
{
    Customer,
    Subscription,
    Plan,
    LicenceCount,
    Users,
    Review,
}
