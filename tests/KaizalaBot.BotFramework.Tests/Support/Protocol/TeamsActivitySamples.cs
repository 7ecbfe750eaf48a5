namespace KaizalaBot.BotFramework.Tests.Support.Protocol;

/// <summary>
/// Activities shaped as Teams sends them (field set and id forms from the Teams docs' examples quoted in
/// shared/reference/bot-framework-protocol.md §1 and §5), including fields this bot does not model.
/// </summary>
internal static class TeamsActivitySamples
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:00000000-0000-0000-0000-0000000000b0";
    public const string UserId = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw";
    public const string PersonalConversationId = "a:17I0kl8EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-";
    public const string ChannelConversationId = "19:d0c8ee4b8a2e4ab8a5c7e4f8b1a1c2d3@thread.tacv2;messageid=1575667808184";

    public const string Message = """
        {
          "text": "migrate",
          "textFormat": "plain",
          "type": "message",
          "timestamp": "2019-12-06T21:30:08.202Z",
          "localTimestamp": "2019-12-06T13:30:08.202-08:00",
          "localTimezone": "America/Los_Angeles",
          "id": "1575667808184",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": {
            "id": "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw",
            "name": "Megan Bowen",
            "aadObjectId": "ff0a0c3e-6d5c-4a1b-9c61-3a5e2e4b1c0d",
            "userPrincipalName": "megan@contoso.com"
          },
          "conversation": {
            "conversationType": "personal",
            "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "id": "a:17I0kl8EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-",
            "futureField": { "nested": [1, 2, 3] }
          },
          "recipient": {
            "id": "28:00000000-0000-0000-0000-0000000000b0",
            "name": "KaizalaBot",
            "surprise": true
          },
          "entities": [
            {
              "locale": "en-US",
              "country": "US",
              "platform": "Windows",
              "timezone": "America/Los_Angeles",
              "type": "clientInfo"
            }
          ],
          "attachments": [
            {
              "contentType": "text/html",
              "content": "<div><div>migrate</div></div>",
              "etag": "0x8D77A"
            }
          ],
          "channelData": {
            "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" },
            "clientActivityID": "1575667808020ra3eacuzvsp"
          },
          "locale": "en-US",
          "unmodelledTopLevel": { "a": [true, null, 1.5e3], "b": "x" }
        }
        """;

    public const string InstallationUpdate = """
        {
          "action": "add",
          "type": "installationUpdate",
          "timestamp": "2020-01-15T09:41:12.317Z",
          "id": "f:5c71c7b7-4c0b-7b43-d6d4-5b25f5a4a5b5",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": {
            "id": "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw",
            "aadObjectId": "ff0a0c3e-6d5c-4a1b-9c61-3a5e2e4b1c0d"
          },
          "conversation": {
            "conversationType": "personal",
            "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "id": "a:17I0kl8EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-"
          },
          "recipient": {
            "id": "28:00000000-0000-0000-0000-0000000000b0",
            "name": "KaizalaBot"
          },
          "entities": [ { "locale": "fr-FR", "platform": "Web", "type": "clientInfo" } ],
          "channelData": {
            "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" },
            "source": { "name": "message" }
          },
          "locale": "fr-FR"
        }
        """;

    public const string ConversationUpdateTeamMemberAdded = """
        {
          "membersAdded": [
            { "id": "28:00000000-0000-0000-0000-0000000000b0" }
          ],
          "type": "conversationUpdate",
          "timestamp": "2020-01-15T09:41:12.9Z",
          "id": "f:2c6f4c6b-3a36-6d1b-2f51-8e5b1e0bb6c4",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": {
            "id": "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw",
            "aadObjectId": "ff0a0c3e-6d5c-4a1b-9c61-3a5e2e4b1c0d"
          },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "id": "19:d0c8ee4b8a2e4ab8a5c7e4f8b1a1c2d3@thread.tacv2"
          },
          "recipient": {
            "id": "28:00000000-0000-0000-0000-0000000000b0",
            "name": "KaizalaBot"
          },
          "channelData": {
            "team": {
              "aadGroupId": "6d2e1e8c-8b7e-4b4c-9f6a-2f1f1a2b3c4d",
              "name": "Sales EMEA",
              "id": "19:d0c8ee4b8a2e4ab8a5c7e4f8b1a1c2d3@thread.tacv2"
            },
            "channel": { "id": "19:d0c8ee4b8a2e4ab8a5c7e4f8b1a1c2d3@thread.tacv2", "name": "General", "type": "standard" },
            "eventType": "teamMemberAdded",
            "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" },
            "settings": { "selectedChannel": { "id": "19:d0c8ee4b8a2e4ab8a5c7e4f8b1a1c2d3@thread.tacv2" } }
          }
        }
        """;

    public const string AdaptiveCardActionInvoke = """
        {
          "name": "adaptiveCard/action",
          "type": "invoke",
          "timestamp": "2023-03-02T10:11:12.1234567Z",
          "localTimestamp": "2023-03-02T11:11:12.123+01:00",
          "id": "f:7a3f1c2e-0f1e-4e7b-8a2b-1c3d4e5f6a7b",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": {
            "id": "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw",
            "name": "Megan Bowen",
            "aadObjectId": "ff0a0c3e-6d5c-4a1b-9c61-3a5e2e4b1c0d"
          },
          "conversation": {
            "conversationType": "personal",
            "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "id": "a:17I0kl8EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-"
          },
          "recipient": { "id": "28:00000000-0000-0000-0000-0000000000b0", "name": "KaizalaBot" },
          "entities": [ { "locale": "en-GB", "country": "GB", "platform": "Web", "timezone": "Europe/London", "type": "clientInfo" } ],
          "channelData": {
            "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" },
            "source": { "name": "message" },
            "legacy": { "replyToId": "1:1pEmTGOlNxVpm" }
          },
          "replyToId": "1677751872003",
          "value": {
            "action": {
              "type": "Action.Execute",
              "id": "confirmPlan",
              "verb": "selectPlan",
              "data": { "plan": "BusinessStandard", "licenceCount": "25", "extra": { "deep": [ { "x": 1 } ] } }
            },
            "trigger": "manual",
            "unknownInValue": 42
          },
          "locale": "en-GB"
        }
        """;
}
