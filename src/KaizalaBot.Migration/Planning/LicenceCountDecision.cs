namespace KaizalaBot.Migration.Planning;

/// <summary>Whether a licence count may be bought, the allowed range, and the reason when it may not.</summary>
public sealed record LicenceCountDecision(bool IsAllowed, int Minimum, int? Maximum, MigrationMessage? Reason);
