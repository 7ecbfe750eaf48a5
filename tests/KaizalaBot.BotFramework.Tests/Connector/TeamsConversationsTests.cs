using System.Text.Json;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Tests.Connector;

public sealed class TeamsConversationsTests
{
    [Fact]
    public void PersonalChat_UserAndTenant_BuildsOneToOneParametersWithTenantTwice()
    {
        var bot = new ChannelAccount { Id = "28:bot" };
        var user = new ChannelAccount { Id = "29:user" };

        var parameters = TeamsConversations.PersonalChat(bot, user, "tenant-1");

        Assert.False(parameters.IsGroup);
        Assert.Same(bot, parameters.Bot);
        Assert.Equal("29:user", Assert.Single(parameters.Members!).Id);
        Assert.Equal("tenant-1", parameters.TenantId);
        Assert.Equal("tenant-1", parameters.ChannelData!.Value.Deserialize<TeamsChannelData>(BotJson.Options)!.Tenant!.Id);
    }

    [Theory]
    [InlineData(null, "tenant")]
    [InlineData("29:user", "")]
    [InlineData("29:user", null)]
    public void PersonalChat_MissingUserIdOrTenant_Throws(string? userId, string? tenantId)
    {
        var user = new ChannelAccount { Id = userId };

        Assert.ThrowsAny<ArgumentException>(() => TeamsConversations.PersonalChat(new ChannelAccount { Id = "28:bot" }, user, tenantId!));
    }
}
