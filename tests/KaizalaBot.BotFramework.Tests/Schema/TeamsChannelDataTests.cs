using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Support.Protocol;

namespace KaizalaBot.BotFramework.Tests.Schema;

public sealed class TeamsChannelDataTests
{
    [Fact]
    public void Deserialize_TeamChannelData_ReadsTenantTeamChannelAndEventType()
    {
        var activity = JsonSerializer.Deserialize<Activity>(
            TeamsActivitySamples.ConversationUpdateTeamMemberAdded, BotJson.Options)!;

        var channelData = activity.ChannelData!.Value.Deserialize<TeamsChannelData>(BotJson.Options)!;

        Assert.Equal(TeamsActivitySamples.TenantId, channelData.Tenant!.Id);
        Assert.Equal("19:d0c8ee4b8a2e4ab8a5c7e4f8b1a1c2d3@thread.tacv2", channelData.Team!.Id);
        Assert.Equal("Sales EMEA", channelData.Team.Name);
        Assert.Equal("6d2e1e8c-8b7e-4b4c-9f6a-2f1f1a2b3c4d", channelData.Team.AadGroupId);
        Assert.Equal("General", channelData.Channel!.Name);
        Assert.Equal("teamMemberAdded", channelData.EventType);
        Assert.Equal(
            "19:d0c8ee4b8a2e4ab8a5c7e4f8b1a1c2d3@thread.tacv2",
            channelData.Settings!.Value.GetProperty("selectedChannel").GetProperty("id").GetString());
    }

    [Fact]
    public void Deserialize_PersonalChannelData_HasTenantOnlyAndKeepsUnknownFields()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsActivitySamples.Message, BotJson.Options)!;

        var channelData = activity.ChannelData!.Value.Deserialize<TeamsChannelData>(BotJson.Options)!;

        Assert.Equal(TeamsActivitySamples.TenantId, channelData.Tenant!.Id);
        Assert.Null(channelData.Team);
        Assert.Null(channelData.Channel);
        Assert.Null(channelData.EventType);
        Assert.Equal("1575667808020ra3eacuzvsp", channelData.Properties!["clientActivityID"].GetString());
    }

    [Fact]
    public void Serialize_OutboundNotification_WritesAlertAndTenant()
    {
        var channelData = new TeamsChannelData
        {
            Tenant = new TenantInfo(TeamsActivitySamples.TenantId),
            Notification = new NotificationInfo { Alert = true },
        };

        var json = JsonSerializer.Serialize(channelData, BotJson.Options);

        Assert.Equal($$$"""{"tenant":{"id":"{{{TeamsActivitySamples.TenantId}}}"},"notification":{"alert":true}}""", json);
    }
}
