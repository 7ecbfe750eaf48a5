namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// One step of the migration dialog: the card it shows for the dialog's state, and what an answer to that card does.
/// Each answer is checked against what the card offered; anything else changes nothing and says why.
/// </summary>
internal interface IMigrationStep
{
    MigrationStage Stage { get; }

    /// <summary>The verbs this step's cards carry (besides Back and Cancel, which the dialog handles).</summary>
    IReadOnlyCollection<string> Verbs { get; }

    Task<StepCard> ShowAsync(MigrationTurn turn, CancellationToken cancellationToken);

    Task<StepOutcome> HandleAsync(MigrationTurn turn, CardAnswer answer, CancellationToken cancellationToken);
}
