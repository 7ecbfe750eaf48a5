namespace KaizalaBot.Cards.Models;

/// <summary>
/// A migration's card: progress updated in place while it runs, what needs attention, and the summary once finished.
/// The action flags are false on a card shown to anyone but its seller (it shows, it cannot be acted on).
/// </summary>
public sealed record MigrationCardModel
{
    public required string MigrationId { get; init; }

    public required string Title { get; init; }

    public required string StateText { get; init; }

    /// <summary>Adaptive Card color of the state line: Good, Attention, Warning or Default.</summary>
    public required string StateColor { get; init; }

    public required IReadOnlyList<CardFact> Facts { get; init; }

    public required IReadOnlyList<StageLine> Stages { get; init; }

    /// <summary>Partner Center holding the running migration up, and when it is tried again; empty otherwise.</summary>
    public string Outage { get; init; } = "";

    public string Attention { get; init; } = "";

    public string AttentionAction { get; init; } = "";

    public IReadOnlyList<FailureLine> Failures { get; init; } = [];

    public string MoreFailures { get; init; } = "";

    public IReadOnlyList<string> Summary { get; init; } = [];

    public string Note { get; init; } = "";

    public bool CanCancel { get; init; }

    public bool CanRetryFailed { get; init; }

    public bool CanAcceptRemainder { get; init; }

    public bool CanResume { get; init; }

    public bool CanRefresh { get; init; }
}
