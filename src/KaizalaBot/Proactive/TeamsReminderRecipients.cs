using System.Runtime.CompilerServices;
using KaizalaBot.Migration;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.PartnerCenter;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Proactive;

/// <summary>
/// The reminders' recipients from the stored installations of the partner's own tenant (its sellers work there): the
/// configured channel and the sellers' personal chats, each unless its reminders were turned off. The engine still
/// checks that a seller may migrate before reminding them.
/// </summary>
internal sealed class TeamsReminderRecipients(
    InstallationStore installations, IOptions<ReminderOptions> reminders, IOptions<MigrationOptions> migration, IOptions<PartnerCenterOptions> partnerCenter)
    : IReminderRecipients
{
    private readonly string _partnerTenantId = migration.Value.Authorization.PartnerTenantId is { Length: > 0 } configured
        ? configured
        : partnerCenter.Value.PartnerTenantId ?? "";

    // IT often copies the id from a link to a message in the channel, which carries the thread
    // (`19:…@thread.tacv2;messageid=…`); the installation is stored under the channel's own id.
    public async Task<ReminderRecipient?> GetChannelAsync(CancellationToken cancellationToken) =>
        reminders.Value.ChannelConversationId is { Length: > 0 } channel
            ? Recipient(await installations.ReadAsync(
                InstallationStore.ConversationKey(_partnerTenantId, InstallationStore.WithoutThread(channel)), cancellationToken))
            : null;

    public async IAsyncEnumerable<ReminderRecipient> GetSellersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in installations.ListPersonalKeysAsync(_partnerTenantId, cancellationToken))
        {
            if (Recipient(await installations.ReadAsync(key, cancellationToken)) is { } seller)
            {
                yield return seller;
            }
        }
    }

    public async Task<ReminderRecipient?> FindSellerAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
        Recipient(await installations.ReadAsync(InstallationStore.PersonalKey(tenantId, aadObjectId), cancellationToken));

    public Task ForgetAsync(ReminderRecipient recipient, CancellationToken cancellationToken) =>
        installations.RemoveAsync(KeyOf(recipient), cancellationToken);

    /// <summary>Where the recipient's conversation reference is stored.</summary>
    public static string KeyOf(ReminderRecipient recipient) => recipient.Kind == ReminderRecipientKind.Seller
        ? InstallationStore.PersonalKey(recipient.TenantId, recipient.AadObjectId!)
        : InstallationStore.ConversationKey(recipient.TenantId, recipient.ConversationId!);

    private static ReminderRecipient? Recipient(Installation? installation) => installation switch
    {
        null or { RemindersOff: true } => null,
        { Scope: InstallationScope.Personal, UserAadObjectId: { } seller } => new ReminderRecipient
        {
            Kind = ReminderRecipientKind.Seller,
            TenantId = installation.TenantId,
            AadObjectId = seller,
            DisplayName = installation.Reference.User?.Name,
            Locale = installation.Reference.Locale,
        },
        { Scope: InstallationScope.Channel, Reference.Conversation.Id: { } conversation } => new ReminderRecipient
        {
            Kind = ReminderRecipientKind.Channel,
            TenantId = installation.TenantId,
            ConversationId = conversation,
            Locale = installation.Reference.Locale,
        },
        _ => null,
    };
}
