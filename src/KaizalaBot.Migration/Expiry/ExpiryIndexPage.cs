namespace KaizalaBot.Migration.Expiry;

/// <summary>One page of "Kaizala customers, most urgent first"; pass <see cref="Next"/> back for the following page.</summary>
public sealed record ExpiryIndexPage(IReadOnlyList<ExpiryIndexEntry> Items, string? Next);
