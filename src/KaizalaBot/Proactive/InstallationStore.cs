using System.Runtime.CompilerServices;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Storage;

namespace KaizalaBot.Proactive;

/// <summary>
/// Keeps one <see cref="Installation"/> per personal chat (keyed by the seller) or per channel/group chat (keyed by
/// conversation) under <c>installations/{tenant}/…</c>, so the reminder worker can list a tenant's recipients by prefix.
/// </summary>
public sealed partial class InstallationStore(IStorage storage, TimeProvider time, ILogger<InstallationStore> logger)
{
    public const string KeyPrefix = "installations/";

    // Of n writers racing on one installation, the unluckiest loses n - 1 rounds before it writes. Teams sends two or three
    // events per install; 10 leaves room for a burst of retried deliveries too (CI met 8 racing writers losing 5 rounds).
    private const int MaxAttempts = 10;

    /// <summary>
    /// Teams announces one install with two activities (installationUpdate and conversationUpdate) within seconds;
    /// install events closer together than this are one install. A later add without a remove in between (a missed
    /// uninstall, a restarted Agents Playground) is a new install and welcomes again.
    /// </summary>
    internal static readonly TimeSpan InstallEventWindow = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Records an install event and says whether it is the one that should welcome; returns null when the activity
    /// lacks what a reference needs.
    /// </summary>
    public Task<SavedInstallation?> SaveAsync(Activity activity, CancellationToken cancellationToken) =>
        SaveAsync(activity, onlyWhenChanged: false, cancellationToken);

    /// <summary>
    /// Keeps the stored reference current from a later activity: Teams may move a conversation to another regional
    /// serviceUrl. Writes only when something a proactive message depends on changed, so chatting costs one read.
    /// </summary>
    public Task<SavedInstallation?> RefreshAsync(Activity activity, CancellationToken cancellationToken) =>
        SaveAsync(activity, onlyWhenChanged: true, cancellationToken);

    private async Task<SavedInstallation?> SaveAsync(Activity activity, bool onlyWhenChanged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Describe(activity) is not { } described)
        {
            LogIncompleteActivity(activity.Type);
            return null;
        }

        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var existing = await storage.ReadAsync(described.Key, cancellationToken);
            var previous = existing?.Content.Deserialize<Installation>(BotJson.Options);
            if (onlyWhenChanged && previous is not null && SameTarget(previous.Reference, described.Installation.Reference))
            {
                return new SavedInstallation(previous, Created: false, ShouldWelcome: false);
            }

            var welcome = !onlyWhenChanged && (previous?.WelcomedAt is not { } welcomedAt || now - welcomedAt >= InstallEventWindow);
            var installation = described.Installation with
            {
                InstalledAt = previous?.InstalledAt ?? now,
                LastSeenAt = now,
                WelcomedAt = welcome ? now : previous?.WelcomedAt,

                // Reminders are on after an install; a refresh keeps the seller's choice.
                RemindersOff = !welcome && (previous?.RemindersOff ?? false),
            };
            var condition = existing is null ? WriteCondition.CreateOnly : WriteCondition.IfMatch(existing.ETag);
            try
            {
                await storage.WriteAsync(described.Key, JsonSerializer.SerializeToElement(installation, BotJson.Options), condition, cancellationToken);
                return new SavedInstallation(installation, Created: existing is null, ShouldWelcome: welcome);
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
                // Two activities of one conversation raced (installationUpdate and conversationUpdate arrive together):
                // re-read, so the loser sees the winner's WelcomedAt and does not welcome a second time.
            }
        }
    }

    /// <summary>
    /// Turns reminders on or off for the conversation the activity comes from (a seller's personal chat, or a channel);
    /// returns the installation as saved, or null when the activity does not describe one.
    /// </summary>
    public async Task<Installation?> SetRemindersAsync(Activity activity, bool on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Describe(activity) is not { } described)
        {
            return null;
        }

        for (var attempt = 1; ; attempt++)
        {
            var existing = await storage.ReadAsync(described.Key, cancellationToken);
            var now = time.GetUtcNow();
            var installation = (existing?.Content.Deserialize<Installation>(BotJson.Options)
                ?? described.Installation with { InstalledAt = now, LastSeenAt = now }) with { RemindersOff = !on };
            var condition = existing is null ? WriteCondition.CreateOnly : WriteCondition.IfMatch(existing.ETag);
            try
            {
                await storage.WriteAsync(described.Key, JsonSerializer.SerializeToElement(installation, BotJson.Options), condition, cancellationToken);
                LogReminders(on ? "on" : "off", installation.Scope);
                return installation;
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
                // A message of the same conversation refreshed it meanwhile: apply the choice to what is there now.
            }
        }
    }

    /// <summary>The installation stored under <paramref name="key"/> (see <see cref="PersonalKey"/>, <see cref="ConversationKey"/>).</summary>
    public async Task<Installation?> ReadAsync(string key, CancellationToken cancellationToken) =>
        (await storage.ReadAsync(key, cancellationToken))?.Content.Deserialize<Installation>(BotJson.Options);

    /// <summary>Drops a stored reference Teams says is gone (403: blocked, uninstalled, not in the roster).</summary>
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await storage.DeleteAsync(key, WriteCondition.Unconditional, cancellationToken);
        LogForgotten(key.Contains("/personal/", StringComparison.Ordinal) ? InstallationScope.Personal : InstallationScope.Channel);
    }

    /// <summary>
    /// The channel of a channel conversation id: a message or card in a channel thread comes from
    /// <c>19:…@thread.tacv2;messageid=…</c>, and the channel is the part before the <c>;</c>.
    /// </summary>
    public static string WithoutThread(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        return conversationId.IndexOf(';', StringComparison.Ordinal) is var thread and > 0 ? conversationId[..thread] : conversationId;
    }

    public static string PersonalKey(string tenantId, string userId) => $"{KeyPrefix}{tenantId}/personal/{userId}";

    public static string ConversationKey(string tenantId, string conversationId) => $"{KeyPrefix}{tenantId}/conversations/{conversationId}";

    /// <summary>The sellers' personal installations in a tenant (keys, for <see cref="ReadAsync"/>).</summary>
    public IAsyncEnumerable<string> ListPersonalKeysAsync(string tenantId, CancellationToken cancellationToken) =>
        storage.ListKeysAsync(PersonalKey(tenantId, ""), cancellationToken);

    public async Task RemoveAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Describe(activity) is { } described)
        {
            await storage.DeleteAsync(described.Key, WriteCondition.Unconditional, cancellationToken);
            LogRemoved(described.Installation.Scope, described.Installation.TenantId);
        }
    }

    /// <summary>The seller's personal chat with the bot, or null when they never installed it personally (or removed it).</summary>
    public async Task<Installation?> FindPersonalAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
        (await storage.ReadAsync($"{KeyPrefix}{tenantId}/personal/{aadObjectId}", cancellationToken))?.Content.Deserialize<Installation>(BotJson.Options);

    /// <summary>Every seller of <paramref name="tenantId"/> with a personal chat with the bot (e.g. the Admin agents to ask for an approval).</summary>
    public async IAsyncEnumerable<Installation> ListPersonalAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in storage.ListKeysAsync($"{KeyPrefix}{tenantId}/personal/", cancellationToken))
        {
            if ((await storage.ReadAsync(key, cancellationToken))?.Content.Deserialize<Installation>(BotJson.Options) is { } installation)
            {
                yield return installation;
            }
        }
    }

    public IAsyncEnumerable<string> ListKeysAsync(string? tenantId, CancellationToken cancellationToken) =>
        storage.ListKeysAsync(tenantId is null ? KeyPrefix : $"{KeyPrefix}{tenantId}/", cancellationToken);

    private static bool SameTarget(ConversationReference stored, ConversationReference current) =>
        string.Equals(stored.ServiceUrl, current.ServiceUrl, StringComparison.OrdinalIgnoreCase)
        && stored.Locale == current.Locale
        && stored.Bot?.Id == current.Bot?.Id;

    private static DescribedInstallation? Describe(Activity activity)
    {
        var tenantId = TenantOf(activity);
        if (tenantId is null || activity.Conversation?.Id is null || activity.ServiceUrl is null || activity.Recipient?.Id is null)
        {
            return null;
        }

        var scope = activity.Conversation.ConversationType switch
        {
            "channel" => InstallationScope.Channel,
            "groupChat" => InstallationScope.GroupChat,
            _ when activity.Conversation.IsGroup == true => InstallationScope.GroupChat,
            _ => InstallationScope.Personal,
        };
        var userId = scope == InstallationScope.Personal ? activity.From?.AadObjectId ?? activity.From?.Id : null;
        if (scope == InstallationScope.Personal && userId is null)
        {
            return null;
        }

        // Kept whole, a channel thread's id would make every thread an installation of its own, and reminders would land
        // as replies in an old thread.
        var conversation = scope == InstallationScope.Channel
            ? activity.Conversation with { Id = WithoutThread(activity.Conversation.Id) }
            : activity.Conversation;
        var key = scope == InstallationScope.Personal ? PersonalKey(tenantId, userId!) : ConversationKey(tenantId, conversation.Id!);

        var reference = new ConversationReference
        {
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            Conversation = conversation,
            Bot = activity.Recipient,
            User = scope == InstallationScope.Personal ? activity.From : null,
            Locale = activity.Locale,
        };
        var installation = new Installation
        {
            TenantId = tenantId,
            Scope = scope,
            UserAadObjectId = scope == InstallationScope.Personal ? activity.From?.AadObjectId : null,
            Reference = reference,
            InstalledAt = default,
            LastSeenAt = default,
        };
        return new DescribedInstallation(key, installation);
    }

    internal static string? TenantOf(Activity activity)
    {
        if (activity.Conversation?.TenantId is { Length: > 0 } fromConversation)
        {
            return fromConversation;
        }

        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } channelData
            && channelData.Deserialize<TeamsChannelData>(BotJson.Options)?.Tenant?.Id is { Length: > 0 } fromChannelData)
        {
            return fromChannelData;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not saving a conversation reference: the {ActivityType} activity lacks a tenant, conversation, serviceUrl or user")]
    private partial void LogIncompleteActivity(string activityType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders turned {State} in a {Scope} installation")]
    private partial void LogReminders(string state, InstallationScope scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a {Scope} conversation reference that Teams says is gone")]
    private partial void LogForgotten(InstallationScope scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the {Scope} installation in tenant {TenantId}")]
    private partial void LogRemoved(InstallationScope scope, string tenantId);
}
