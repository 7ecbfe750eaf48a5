using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Migration;
using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.PartnerCenter;
using KaizalaBot.Proactive;
using KaizalaBot.Storage.Memory;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Tests.Proactive;

public sealed class TeamsReminderRecipientsTests
{
    private const string Channel = "19:sales@thread.tacv2";

    private readonly InstallationStore _installations = new(new MemoryStorage(), new FakeTimeProvider(), NullLogger<InstallationStore>.Instance);

    [Theory]
    [InlineData(Channel)]
    [InlineData(Channel + ";messageid=1764495600000")]
    public async Task GetChannelAsync_ConfiguredIdWithOrWithoutAThread_FindsTheChannelTheBotWasAddedTo(string configured)
    {
        var inChannel = new TeamsActivities(new Uri("https://smba.trafficmanager.net/emea/"), "fr-FR", $"{Channel};messageid=1", ConversationType: "channel");
        await _installations.SaveAsync(inChannel.BotAdded(), CancellationToken.None);

        var recipient = await Recipients(configured).GetChannelAsync(CancellationToken.None);

        Assert.NotNull(recipient);
        Assert.Equal(ReminderRecipientKind.Channel, recipient.Kind);
        Assert.Equal(Channel, recipient.ConversationId);
    }

    [Fact]
    public async Task GetChannelAsync_AnotherChannelConfigured_NoRecipient()
    {
        var inChannel = new TeamsActivities(new Uri("https://smba.trafficmanager.net/emea/"), "fr-FR", Channel, ConversationType: "channel");
        await _installations.SaveAsync(inChannel.BotAdded(), CancellationToken.None);

        Assert.Null(await Recipients("19:marketing@thread.tacv2;messageid=1").GetChannelAsync(CancellationToken.None));
    }

    private TeamsReminderRecipients Recipients(string channel) => new(
        _installations,
        Options.Create(new ReminderOptions { ChannelConversationId = channel }),
        Options.Create(new MigrationOptions { Authorization = new MigrationAuthorizationOptions { PartnerTenantId = TeamsActivities.TenantId } }),
        Options.Create(new PartnerCenterOptions()));
}
