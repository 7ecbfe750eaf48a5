using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>What a full preview found: kept instead of the whole <see cref="MigrationPreview"/>, whose user list may be large.</summary>
public sealed record PreviewOutcome(IReadOnlyList<Finding> Findings, bool CanConfirm, int UsersChecked, DateTimeOffset CheckedAt);
