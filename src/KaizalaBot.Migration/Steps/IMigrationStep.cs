using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Migration.Steps;

/// <summary>One state of the job: does its work (idempotently: it may be re-run after a crash) and names the next state.</summary>
internal interface IMigrationStep
{
    MigrationState State { get; }

    Task<MigrationState> RunAsync(StepContext context, CancellationToken cancellationToken);
}
