namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// How the migration dialog starts (see <see cref="MigrationDialogLauncher"/>): with nothing (the customer step's default
/// list), with a search text (<c>migrate contoso</c>), or with a customer and optionally one of its Kaizala Pro
/// subscriptions (a reminder's <em>Start migration</em>), which skips the steps already answered. Ids are checked
/// against Partner Center like any answer: an unknown customer or subscription lands on the customer step, saying so.
/// </summary>
public sealed record MigrationDialogOptions
{
    /// <summary>Company name or domain prefix to search for.</summary>
    public string? SearchText { get; init; }

    public string? CustomerId { get; init; }

    /// <summary>The customer's name as the caller knows it (shown until Partner Center's is read).</summary>
    public string? CustomerName { get; init; }

    /// <summary>The Kaizala Pro subscription to migrate (with <see cref="CustomerId"/>).</summary>
    public string? SubscriptionId { get; init; }
}
