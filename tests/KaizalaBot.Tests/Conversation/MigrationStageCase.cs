namespace KaizalaBot.Tests.Conversation;

/// <summary>The dialog's steps, as test cases (a public enum, so xUnit can name each case).</summary>
public enum MigrationStageCase
{
    Customer,
    Subscription,
    Plan,
    LicenceCount,
    Users,
    Review,
}
