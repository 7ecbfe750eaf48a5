namespace KaizalaBot.Migration.Jobs;

/// <summary>The end of migration <paramref name="Id"/> is owed to its seller since <paramref name="Since"/> (see <see cref="MigrationStore.MarkNoticeOwedAsync"/>).</summary>
public sealed record OwedNotice(string Id, DateTimeOffset Since);
