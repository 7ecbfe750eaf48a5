using System.Text.Json.Serialization;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// The migration dialog's answers so far, saved with the dialog stack. <see cref="Offered"/> holds the ids the waiting
/// card offers (customers, subscriptions, plans or users of the page shown): an answer naming anything else was not
/// offered and is refused. Large data (the customer's users) lives in storage, never here.
/// </summary>
public sealed record MigrationDialogState
{
    public MigrationStage Stage { get; init; }

    /// <summary>The message the dialog's cards live in (each card replaces the clicked one): known from the first click.</summary>
    public string? CardActivityId { get; init; }

    /// <summary>Shown once at the top of the next card, in the seller's language.</summary>
    public string Notice { get; init; } = "";

    public bool NoticeIsError { get; init; }

    public IReadOnlyList<string> Offered { get; init; } = [];

    public int Page { get; init; }

    public string? CustomerSearch { get; init; }

    /// <summary>Names of the customers the card offers (to name one that turns out to hold no Kaizala Pro).</summary>
    public IReadOnlyDictionary<string, string> CustomerNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The expiry index's cursor of each page of the default list seen so far (page 0 starts at null).</summary>
    public IReadOnlyList<string?> IndexCursors { get; init; } = [null];

    public string? CustomerId { get; init; }

    public string? CustomerName { get; init; }

    public IReadOnlyList<KaizalaSubscriptionSummary> Subscriptions { get; init; } = [];

    public string? SubscriptionId { get; init; }

    public string? RecommendedPlanId { get; init; }

    /// <summary>
    /// How each plan the plan card offers would be bought, as the card showed it: the choice is taken from here rather
    /// than from Partner Center read again (the review's pre-flight checks read it fresh, and the run checks again).
    /// </summary>
    public IReadOnlyList<ChosenPlan> PlanChoices { get; init; } = [];

    public ChosenPlan? Plan { get; init; }

    public int? LicenceCount { get; init; }

    public IReadOnlyList<string> ExcludedUserIds { get; init; } = [];

    public string? UserSearch { get; init; }

    /// <summary>The full preview running or done for the current choices (see <see cref="Preparation.PreviewPreparer"/>).</summary>
    public string? PreviewKey { get; init; }

    [JsonIgnore]
    public KaizalaSubscriptionSummary? Subscription => Subscriptions.FirstOrDefault(s => s.SubscriptionId == SubscriptionId);

    public MigrationDialogState Say(string notice, bool isError = true) => this with { Notice = notice, NoticeIsError = isError };

    public MigrationDialogState GoTo(MigrationStage stage) => this with { Stage = stage, Page = 0, Offered = [] };
}
