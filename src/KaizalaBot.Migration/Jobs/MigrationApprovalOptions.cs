namespace KaizalaBot.Migration.Jobs;

/// <summary>Optional four-eyes rule (<c>Migration:Approval</c>): big purchases wait for a partner Admin agent.</summary>
public sealed record MigrationApprovalOptions
{
    public bool Enabled { get; init; }

    /// <summary>Purchases of more seats than this need an Admin agent's approval when <see cref="Enabled"/>.</summary>
    public int SeatThreshold { get; init; } = 100;
}
