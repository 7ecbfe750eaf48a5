using System.Text.Json;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// What an inbound activity must satisfy before a turn runs: the fields every answer needs (<c>type</c>,
/// <c>channelId</c>, <c>conversation.id</c>, <c>serviceUrl</c>), the lengths of <see cref="ActivityLimits"/>, no
/// control characters in ids, names and tokens, no null list entries, and Teams channel data of the documented shape.
/// Each of these would otherwise fail deep inside a turn (a storage key, a lock key, a connector URL) as an error of
/// ours, with a stack trace in the log and a 500 to an invoke.
/// </summary>
/// <remarks>
/// Returns a sentence for the caller naming the field and the rule, never the value: it goes back in a 400 body.
/// Well-formed UTF-16 everywhere, duplicate keys and nesting depth are checked earlier, on the JSON itself.
/// </remarks>
internal static class ActivityValidator
{
    public static string? FindProblem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        return Text(activity.Type, "type", ActivityLimits.MaxTokenLength, required: true)
            ?? Id(activity.ChannelId, "channelId", ActivityLimits.MaxTokenLength, required: true)
            ?? Text(activity.ServiceUrl, "serviceUrl", ActivityLimits.MaxServiceUrlLength, required: true)
            ?? Conversation(activity.Conversation)
            ?? Id(activity.Id, "id", ActivityLimits.MaxIdLength)
            ?? Id(activity.ReplyToId, "replyToId", ActivityLimits.MaxIdLength)
            ?? Account(activity.From, "from")
            ?? Account(activity.Recipient, "recipient")
            ?? Accounts(activity.MembersAdded, "membersAdded")
            ?? Accounts(activity.MembersRemoved, "membersRemoved")
            ?? NoNulls(activity.Attachments, "attachments")
            ?? NoNulls(activity.Entities, "entities")
            ?? Text(activity.Locale, "locale", ActivityLimits.MaxTokenLength)
            ?? Text(activity.Name, "name", ActivityLimits.MaxOperationNameLength)
            ?? Text(activity.Action, "action", ActivityLimits.MaxTokenLength)
            ?? TeamsChannelData(activity);
    }

    private static string? Conversation(ConversationAccount? conversation)
    {
        if (conversation is null)
        {
            return "conversation is required.";
        }

        return Id(conversation.Id, "conversation.id", ActivityLimits.MaxIdLength, required: true)
            ?? Id(conversation.TenantId, "conversation.tenantId", ActivityLimits.MaxTenantIdLength)
            ?? Id(conversation.AadObjectId, "conversation.aadObjectId", ActivityLimits.MaxTenantIdLength)
            ?? Text(conversation.Name, "conversation.name", ActivityLimits.MaxDisplayNameLength)
            ?? Text(conversation.ConversationType, "conversation.conversationType", ActivityLimits.MaxTokenLength)
            ?? Text(conversation.Role, "conversation.role", ActivityLimits.MaxTokenLength);
    }

    private static string? Accounts(IReadOnlyList<ChannelAccount>? accounts, string field)
    {
        if (accounts is null)
        {
            return null;
        }

        foreach (var account in accounts)
        {
            if (account is null)
            {
                return $"{field} must not contain null entries.";
            }

            if (Account(account, field + "[]") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Account(ChannelAccount? account, string field) =>
        account is null
            ? null
            : Id(account.Id, field + ".id", ActivityLimits.MaxIdLength)
                ?? Text(account.Name, field + ".name", ActivityLimits.MaxDisplayNameLength)
                ?? Id(account.AadObjectId, field + ".aadObjectId", ActivityLimits.MaxTenantIdLength)
                ?? Text(account.Role, field + ".role", ActivityLimits.MaxTokenLength);

    private static string? NoNulls<T>(IReadOnlyList<T>? items, string field)
        where T : class =>
        items?.Any(item => item is null) == true ? $"{field} must not contain null entries." : null;

    // The bot reads the tenant from Teams' channel data (installations are keyed by it), so that object must have the
    // documented shape; other channels' channel data is opaque to the bot.
    private static string? TeamsChannelData(Activity activity)
    {
        if (activity.ChannelId != Channels.Msteams || activity.ChannelData is not { ValueKind: JsonValueKind.Object } channelData)
        {
            return null;
        }

        TeamsChannelData? teams;
        try
        {
            teams = channelData.Deserialize<TeamsChannelData>(BotJson.Options);
        }
        catch (JsonException)
        {
            return "channelData does not have the shape of Teams channel data.";
        }

        return Id(teams?.Tenant?.Id, "channelData.tenant.id", ActivityLimits.MaxTenantIdLength)
            ?? Id(teams?.Team?.Id, "channelData.team.id", ActivityLimits.MaxIdLength)
            ?? Id(teams?.Channel?.Id, "channelData.channel.id", ActivityLimits.MaxIdLength);
    }

    // An id becomes a path segment, a storage key part and a lock key: '.' and '..' would be dot segments in a URL.
    private static string? Id(string? value, string field, int maxLength, bool required = false) =>
        Text(value, field, maxLength, required)
            ?? (value is "." or ".." ? $"{field} cannot be '.' or '..'." : null);

    private static string? Text(string? value, string field, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{field} is required." : null;
        }

        if (value.Length > maxLength)
        {
            return $"{field} is longer than {maxLength} characters.";
        }

        return value.Any(char.IsControl) ? $"{field} contains control characters." : null;
    }
}
