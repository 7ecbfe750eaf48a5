using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Proactive;

/// <summary>
/// A conversation the bot may write to on its own (reminders, migration progress): saved on install, refreshed by
/// every later activity (Teams regional service URLs change), removed on uninstall or when Teams says the
/// conversation is gone.
/// </summary>
public sealed record Installation
{
    public required string TenantId { get; init; }

    public required InstallationScope Scope { get; init; }

    /// <summary>The seller's Entra object id in personal scope (who reminders are for); null for channels and chats.</summary>
    public string? UserAadObjectId { get; init; }

    public required ConversationReference Reference { get; init; }

    public required DateTimeOffset InstalledAt { get; init; }

    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When the seller (or channel) was last sent the welcome card.</summary>
    public DateTimeOffset? WelcomedAt { get; init; }

    /// <summary>The seller (or channel) typed <c>reminders off</c>; a new install turns reminders on again.</summary>
    public bool RemindersOff { get; init; }
}
