namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// The longest value each inbound field may have; beyond it the endpoint answers 400. Generous for what Teams really
/// sends (its longest ids, channel conversation ids with <c>;messageid=…</c>, are about 200 characters; tenant and Entra
/// object ids are 36-character GUIDs), tight enough that no id can blow up a storage key, a URL or a log line.
/// The README's configuration section lists them.
/// </summary>
public static class ActivityLimits
{
    /// <summary><c>type</c>, <c>channelId</c>, <c>locale</c>, <c>action</c>, roles and conversation types.</summary>
    public const int MaxTokenLength = 64;

    /// <summary><c>name</c> of an invoke or event (e.g. <c>adaptiveCard/action</c>).</summary>
    public const int MaxOperationNameLength = 256;

    /// <summary>Activity, conversation and account ids (<c>id</c>, <c>replyToId</c>, <c>conversation.id</c>, <c>from.id</c>, …).</summary>
    public const int MaxIdLength = 512;

    /// <summary>Tenant ids and Entra object ids.</summary>
    public const int MaxTenantIdLength = 128;

    /// <summary>Display names of users, bots and conversations.</summary>
    public const int MaxDisplayNameLength = 512;

    /// <summary><c>serviceUrl</c>; Teams' are about 50 characters.</summary>
    public const int MaxServiceUrlLength = 512;
}
