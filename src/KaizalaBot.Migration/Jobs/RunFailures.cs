namespace KaizalaBot.Migration.Jobs;

/// <summary>A migration's runs that ended on an unexpected error in a row, and the earliest time the runner tries it again.</summary>
internal sealed record RunFailures(int Count, DateTimeOffset NextAttemptAt);
