namespace KaizalaBot.Migration.Planning;

public enum PurchaseKind
{
    /// <summary>Step A buys a new subscription through cart and checkout.</summary>
    NewSubscription,

    /// <summary>Step A raises the quantity of a subscription of the plan the customer already holds.</summary>
    AddSeats,
}
