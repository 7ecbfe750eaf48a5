namespace KaizalaBot.Cards;

/// <summary>The card templates embedded under <c>Cards/Templates/{name}.json</c>.</summary>
public enum CardTemplate
{
    Welcome,
    Help,
    Notice,
    MigrationCustomer,
    MigrationSubscription,
    MigrationPlan,
    MigrationLicenceCount,
    MigrationUsers,
    MigrationWaiting,
    MigrationReview,
    Migration,
    MigrationList,
    MigrationApproval,
    ExpiryList,
    ExpiryDetails,
}
