using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Support.Protocol;

namespace KaizalaBot.BotFramework.Tests.Schema;

public sealed class ActivityTests
{
    [Theory]
    [InlineData(nameof(TeamsActivitySamples.Message))]
    [InlineData(nameof(TeamsActivitySamples.InstallationUpdate))]
    [InlineData(nameof(TeamsActivitySamples.ConversationUpdateTeamMemberAdded))]
    [InlineData(nameof(TeamsActivitySamples.AdaptiveCardActionInvoke))]
    public void Serialize_ReadTeamsActivity_WritesSemanticallyIdenticalJson(string sampleName)
    {
        var json = SampleByName(sampleName);

        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;
        var written = JsonSerializer.Serialize(activity, BotJson.Options);

        AssertJsonEquivalent(json, written);
    }

    [Fact]
    public void Deserialize_TeamsMessage_ReadsModelledFields()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsActivitySamples.Message, BotJson.Options)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("migrate", activity.Text);
        Assert.Equal(Channels.Msteams, activity.ChannelId);
        Assert.Equal(TeamsActivitySamples.ServiceUrl, activity.ServiceUrl);
        Assert.Equal(TeamsActivitySamples.UserId, activity.From!.Id);
        Assert.Equal("ff0a0c3e-6d5c-4a1b-9c61-3a5e2e4b1c0d", activity.From.AadObjectId);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Equal(TeamsActivitySamples.TenantId, activity.Conversation.TenantId);
        Assert.Equal(TeamsActivitySamples.BotId, activity.Recipient!.Id);
        Assert.Equal(new DateTimeOffset(2019, 12, 6, 21, 30, 8, 202, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(-8), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal("clientInfo", Assert.Single(activity.Entities!).Type);
        Assert.Equal("text/html", Assert.Single(activity.Attachments!).ContentType);
    }

    [Fact]
    public void Deserialize_UnknownFields_LandInExtensionDataAtEveryLevel()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsActivitySamples.Message, BotJson.Options)!;

        Assert.True(activity.Properties!.ContainsKey("unmodelledTopLevel"));
        Assert.Equal("megan@contoso.com", activity.From!.Properties!["userPrincipalName"].GetString());
        Assert.True(activity.Conversation!.Properties!.ContainsKey("futureField"));
        Assert.True(activity.Recipient!.Properties!["surprise"].GetBoolean());
        Assert.Equal("America/Los_Angeles", activity.Entities![0].Properties!["timezone"].GetString());
        Assert.Equal("0x8D77A", activity.Attachments![0].Properties!["etag"].GetString());
    }

    [Fact]
    public void Deserialize_InstallationUpdate_ReadsActionAndLocale()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsActivitySamples.InstallationUpdate, BotJson.Options)!;

        Assert.Equal(ActivityTypes.InstallationUpdate, activity.Type);
        Assert.Equal(InstallationUpdateActions.Add, activity.Action);
        Assert.Equal("fr-FR", activity.Locale);
    }

    [Fact]
    public void Deserialize_ConversationUpdate_ReadsMembersAddedAndGroupConversation()
    {
        var activity = JsonSerializer.Deserialize<Activity>(
            TeamsActivitySamples.ConversationUpdateTeamMemberAdded, BotJson.Options)!;

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal(TeamsActivitySamples.BotId, Assert.Single(activity.MembersAdded!).Id);
        Assert.True(activity.Conversation!.IsGroup);
        Assert.Equal("channel", activity.Conversation.ConversationType);
    }

    [Fact]
    public void Deserialize_AdaptiveCardActionInvoke_ValueReadsAsInvokeValue()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsActivitySamples.AdaptiveCardActionInvoke, BotJson.Options)!;

        var value = activity.Value!.Value.Deserialize<AdaptiveCardInvokeValue>(BotJson.Options)!;

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal(InvokeNames.AdaptiveCardAction, activity.Name);
        Assert.Equal("1677751872003", activity.ReplyToId);
        Assert.Equal("manual", value.Trigger);
        Assert.Equal("Action.Execute", value.Action!.Type);
        Assert.Equal("selectPlan", value.Action.Verb);
        Assert.Equal("BusinessStandard", value.Action.Data!.Value.GetProperty("plan").GetString());
    }

    [Fact]
    public void Serialize_NullProperties_AreOmittedAndNamesAreCamelCase()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "hello",
            ReplyToId = "1575667808184",
            Conversation = new ConversationAccount { Id = "a:1", TenantId = "t" },
        };

        var node = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!.AsObject();

        Assert.Equal(
            ["conversation", "replyToId", "text", "type"],
            node.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(
            ["id", "tenantId"],
            node["conversation"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Serialize_Timestamp_IsWrittenAsUtcWithZ()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = new DateTimeOffset(2024, 5, 1, 14, 0, 0, 250, TimeSpan.FromHours(2)),
            LocalTimestamp = new DateTimeOffset(2024, 5, 1, 14, 0, 0, 250, TimeSpan.FromHours(2)),
        };

        var node = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.Equal("2024-05-01T12:00:00.25Z", node["timestamp"]!.GetValue<string>());
        Assert.Equal("2024-05-01T14:00:00.25+02:00", node["localTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public void Serialize_SuggestedActionWithUnmodelledFields_KeepsThem()
    {
        const string json = """
            {"type":"message","suggestedActions":{"to":["29:1"],"actions":[
              {"type":"imBack","title":"Yes","value":"yes","image":"https://contoso.com/y.png","imageAltText":"yes"}]}}
            """;

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize<Activity>(json, BotJson.Options), BotJson.Options);

        AssertJsonEquivalent(json, written);
    }

    private static string SampleByName(string name) => name switch
    {
        nameof(TeamsActivitySamples.Message) => TeamsActivitySamples.Message,
        nameof(TeamsActivitySamples.InstallationUpdate) => TeamsActivitySamples.InstallationUpdate,
        nameof(TeamsActivitySamples.ConversationUpdateTeamMemberAdded) => TeamsActivitySamples.ConversationUpdateTeamMemberAdded,
        nameof(TeamsActivitySamples.AdaptiveCardActionInvoke) => TeamsActivitySamples.AdaptiveCardActionInvoke,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such sample."),
    };

    private static void AssertJsonEquivalent(string expected, string actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);

        // DeepEquals compares objects by property name, not order, and numbers by value.
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actualNode),
            $"JSON differs.\nExpected: {expectedNode?.ToJsonString()}\nActual:   {actualNode?.ToJsonString()}");
    }
}
