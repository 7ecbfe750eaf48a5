namespace KaizalaBot.Migration.Jobs;

/// <summary>A customer user selected for the move.</summary>
public sealed record MigrationUser(string Id, string? UserPrincipalName, string? DisplayName);
