using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using KaizalaBot.Cards;

namespace KaizalaBot.HostileInput;

/// <summary>
/// Forged card clicks against the migration dialog's and the reminders' verbs (<see cref="CardVerbs"/>): an
/// <c>Action.Execute</c> invoke or an <c>Action.Submit</c> message, with each known verb and data that is wrong in one
/// way (wrong types, huge or negative numbers, unknown ids, missing fields, arrays for objects, deep nesting, odd
/// Unicode, other users' migration ids). In a dialog conversation the click carries the live card's stamp (as a seller
/// forging a click on their own card would), so it reaches the waiting step rather than stopping as stale.
/// </summary>
internal sealed class CardPayloadGenerator(
    Random random, Func<int, string, JsonObject> activity, Func<string, string?> stampOf, IReadOnlyList<string> otherUsersMigrationIds)
{
    /// <summary>The partner's tenant, as the harness host configures it (<c>Migration:Authorization:PartnerTenantId</c>).</summary>
    public const string PartnerTenantId = "7e570000-0000-4000-8000-000000000001";

    /// <summary>The seller the host lists in <c>Migration:Authorization:AllowedUsers</c>: the dialogs are theirs.</summary>
    public const string SellerAadObjectId = "7e570000-0000-4000-8000-0000000000a1";

    /// <summary>Owner of the seeded migrations: another seller of the partner, whose ids forged clicks name.</summary>
    public const string OtherSellerAadObjectId = "7e570000-0000-4000-8000-0000000000a3";

    // A partner user who is not listed (entitlement then hangs on Partner Center roles, which the harness does not give).
    private const string UnlistedAadObjectId = "7e570000-0000-4000-8000-0000000000a2";

    private static readonly string[] Verbs = [.. typeof(CardVerbs)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)];

    private static readonly string[] Keys =
        ["migrationId", "comment", "customerId", "subscriptionId", "search", "page", "licenceCount", "userSearch", "userId", "choice",
         "otherPlan", "to", "days", "after", "customerName"];

    private static readonly string[] Numbers =
        ["-1", "0", "-2147483648", "2147483647", "2147483648", "9223372036854775807", "-9223372036854775809", "1e308", "-1e-308", "1.5", "1e2", "\"12\"", "1E+400"];

    private static readonly string[] WrongValues =
        ["true", "null", "[]", "{}", "[\"x\"]", "{\"id\":\"x\"}", "0", "-7.25", "\"\"", "[[{}]]"];

    private static readonly string[] OddTexts =
        ["\u202Ecba", "a\u200Db", "e\u0301\u0301\u0301", "\uFFFF\uFFFE", "🙂👩‍👩‍👧🇫🇷", "\u0000", "a\r\nb", "<at>x</at>", "%2e%2e/..", "'; DROP TABLE x;--"];

    /// <summary>JSON escapes the serializer would not write: lone or reversed surrogates.</summary>
    private static readonly string[] RawEscapes = ["\\ud800", "\\udfff", "\\udc00\\ud800", "x\\ud83d"];

    public static string DialogConversationId(int number) => $"a:dialog-{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The seller's <c>migrate</c> message that opens (or reopens) the dialog in a dialog conversation.</summary>
    public static JsonObject AsSeller(JsonObject turn, string conversationId)
    {
        turn["from"] = new JsonObject { ["id"] = "29:harness-seller", ["name"] = "Harness Seller", ["aadObjectId"] = SellerAadObjectId };
        turn["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = PartnerTenantId };
        turn["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = PartnerTenantId } };
        return turn;
    }

    public HostileCase Next(int index, bool inDialog)
    {
        var execute = random.Next(2) == 0;
        var turn = activity(index, execute ? "invoke" : "message");
        var conversation = inDialog ? DialogConversationId(random.Next(HostileRun.DialogConversations)) : null;
        if (conversation is not null)
        {
            AsSeller(turn, conversation);

            // Now and then the seller starts over: the dialogs stay under way for the whole run whatever the clicks ended.
            if (random.Next(8) == 0)
            {
                turn["type"] = "message";
                turn["text"] = "migrate";
                return new HostileCase(index, CaseKind.DialogCardPayload, "migrate (reopen)", Post(turn.ToJsonString(RequestGenerator.Json)),
                    DocumentedStatuses: Ok, DialogConversationId: conversation);
            }
        }

        Impersonate(turn, inDialog);
        var verb = random.Next(20) == 0 ? Pick(["", "MIGRATE.CONFIRM", "migrate.confirm ", "x".PadRight(300, 'x')]) : Pick(Verbs);
        var data = new JsonObject();
        if (conversation is not null && stampOf(conversation) is { } stamp)
        {
            data["kbPrompt"] = stamp;
        }

        var (forgery, raw, unreadable) = Forge(data);
        if (execute)
        {
            turn["name"] = "adaptiveCard/action";
            turn["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            };
        }
        else
        {
            // A Submit carries its data as the message's value, the verb among it (ExecuteFallback).
            data["verb"] = verb;
            turn.Remove("text");
            turn["value"] = data;
        }

        turn["replyToId"] = "card-1";
        var json = turn.ToJsonString(RequestGenerator.Json);
        foreach (var (placeholder, text) in raw)
        {
            json = json.Replace($"\"{placeholder}\"", text, StringComparison.Ordinal);
        }

        var kind = inDialog ? CaseKind.DialogCardPayload : CaseKind.CardPayload;
        var description = $"{(execute ? "Execute" : "Submit")} '{RequestGenerator.Describe(verb)}' {forgery}";
        return new HostileCase(
            index, kind, description, Post(json), DocumentedStatuses: unreadable ? BadRequest : execute ? OkOrBadRequest : Ok, DialogConversationId: conversation);
    }

    private static readonly IReadOnlySet<int> Ok = new HashSet<int> { 200 };

    private static readonly IReadOnlySet<int> BadRequest = new HashSet<int> { 400 };

    private static readonly IReadOnlySet<int> OkOrBadRequest = new HashSet<int> { 200, 400 };

    /// <summary>Fills <paramref name="data"/> with one forgery; values the serializer cannot write go as placeholders.</summary>
    /// <returns>
    /// The forgery's description, the placeholders to replace, and whether it makes the activity unreadable (invalid
    /// UTF-16 escapes, nesting beyond the reader's depth): the edge's documented answer to that is 400, for any activity.
    /// </returns>
    private (string Description, List<(string Placeholder, string Raw)> Raw, bool Unreadable) Forge(JsonObject data)
    {
        var raw = new List<(string, string)>();
        var key = Pick(Keys);
        void Raw(string k, string text)
        {
            var placeholder = $"__raw{raw.Count}__";
            data[k] = placeholder;
            raw.Add((placeholder, text));
        }

        switch (random.Next(9))
        {
            case 0:
                // Every field present, plausible, and unknown.
                foreach (var k in Keys)
                {
                    data[k] = k is "page" or "licenceCount" or "days" ? JsonValue.Create(random.Next(1, 30)) : $"{k}-{random.Next(1000):D3}";
                }

                return ("unknown ids", raw, false);
            case 1:
                var wrong = Pick(WrongValues);
                Raw(key, wrong);
                return ($"{key} = {wrong}", raw, false);
            case 2:
                var number = Pick(Numbers);
                Raw(Pick(["page", "licenceCount", "days"]), number);
                return ($"count {number}", raw, false);
            case 3:
                // Nothing but the stamp (if any): every required field missing.
                return ("missing fields", raw, false);
            case 4:
                Raw(key, "[" + string.Join(',', Enumerable.Repeat("{\"id\":\"x\"}", random.Next(1, 50))) + "]");
                return ($"{key} = array of objects", raw, false);
            case 5:
                // Within the edge's reading depth (64) the route sees it; beyond, the whole activity is unreadable: 400.
                var depth = Pick([8, 32, 64, 65, 200]);
                Raw(key, string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "\"x\"" + new string('}', depth));
                return ($"{key} nested {depth} deep", raw, depth >= 64);
            case 6:
                if (random.Next(2) == 0)
                {
                    var escape = Pick(RawEscapes);
                    Raw(key, $"\"{escape}\"");
                    return ($"{key} = \"{escape}\"", raw, true);
                }

                var odd = random.Next(4) == 0 ? new string(Pick(['é', '\u4E2D', '\u0301', 'x']), Pick([1_000, 60_000])) : Pick(OddTexts);
                data[key] = odd;
                return ($"{key} = {RequestGenerator.Describe(odd)}", raw, false);
            case 7:
                data["migrationId"] = otherUsersMigrationIds.Count > 0 && random.Next(4) > 0
                    ? Pick([.. otherUsersMigrationIds])
                    : random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
                data["comment"] = "approved by someone else";
                return ("another seller's migration id", raw, false);
            default:
                // The stamp itself forged: another dialog's, a wrong type, or garbage.
                Raw("kbPrompt", Pick(["1", "[]", "{\"x\":1}", "\"\"", "\"not-a-stamp\""]));
                data["customerId"] = "customer-1";
                return ("forged stamp", raw, false);
        }
    }

    /// <summary>
    /// Who clicks: outside a dialog anyone (the listed seller, an unlisted partner user, another tenant's user, nobody
    /// named); in a dialog mostly its seller, sometimes someone else in the chat (a foreign click).
    /// </summary>
    private void Impersonate(JsonObject turn, bool inDialog)
    {
        var who = random.Next(inDialog ? 8 : 4);
        var from = (JsonObject)turn["from"]!;
        switch (who)
        {
            case 0 when !inDialog:
                AsSeller(turn, turn["conversation"]!["id"]!.GetValue<string>());
                break;
            case 1:
                from["aadObjectId"] = UnlistedAadObjectId;
                SetTenant(turn, PartnerTenantId);
                break;
            case 2:
                from.Remove("aadObjectId");
                break;
            case 3:
                // Another tenant's user: the activity's default tenant.
                SetTenant(turn, "tenant-1");
                break;
        }
    }

    private static void SetTenant(JsonObject turn, string tenantId)
    {
        turn["conversation"]!["tenantId"] = tenantId;
        turn["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
    }

    private static byte[] Post(string json) => HttpRequestBytes.Post(Encoding.UTF8.GetBytes(json));

    private T Pick<T>(T[] choices) => choices[random.Next(choices.Length)];
}
