namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>A read prepared in the background and kept in storage: how far it is, and its value once ready.</summary>
public sealed record PreparedRead<T>
{
    public required PreparationStatus Status { get; init; }

    public int Done { get; init; }

    public int Total { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Written with every progress report: a running read not updated for a while was abandoned by a stopped host.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    public T? Value { get; init; }

    /// <summary>Partner Center's error code (or category) when the read failed.</summary>
    public string? Failure { get; init; }
}
