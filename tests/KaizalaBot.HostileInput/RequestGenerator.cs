using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.HostileInput;

/// <summary>
/// Seeded, reproducible request generator: one valid turn in every <see cref="ValidEvery"/> requests, the rest drawn from
/// the hostile families of <see cref="CaseKind"/>. The same seed gives the same sequence of requests.
/// </summary>
internal sealed class RequestGenerator
{
    public const int ValidEvery = 4;

    private static readonly string[] HostileServiceUrls =
    [
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://[fd00:ec2::254]/latest/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://100.100.100.200/latest/meta-data/",
        "https://2852039166/",
        "http://0xa9.0xfe.0xa9.0xfe/",
        "http://[::ffff:169.254.169.254]/",
        "http://0.0.0.0:80/",
        "http://[::]/",
        "https://10.0.0.1/", "https://192.168.0.1/", "https://172.16.1.1/", "http://10.255.255.255:8080/",
        "https://intranet/", "https://evil.example/", "https://smba.trafficmanager.net.evil.example/",
        "https://evil.example/smba.trafficmanager.net/", "https://smba.trafficmanager.net@evil.example/",
        "https://user:pass@smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/?redirect=evil",
        "https://smba.trafficmanager.net/teams/#frag", "http://smba.trafficmanager.net/teams/",
        "ftp://smba.trafficmanager.net/", "file:///etc/passwd", "gopher://127.0.0.1:6379/_FLUSHALL",
        "javascript:alert(1)", "data:text/plain,hi", "//evil.example/", "/v3/conversations", "teams/", "",
        "https://smba.trafficmаnager.net/teams/", "https://xn--smba-trafficmanager-9qc.net/",
        "https://smba.trafficmanager.net\\@evil.example/", "https://smba.trafficmanager.net%2F@evil.example/",
        "https://evil.example\u0000.smba.trafficmanager.net/", "https://evil.example/\r\nX-Injected: 1",
        "https://europe.webchat.botframework.com.evil.example/", "https://botframework.com/",
    ];

    /// <summary>Hosts the bot may call in Development, but not the sink: the harness refuses them, never the network.</summary>
    private static readonly string[] AllowedElsewhere =
    [
        "https://smba.trafficmanager.net/emea/", "https://SMBA.trafficmanager.net./teams", "https://europe.webchat.botframework.com/",
        "https://smba.infra.gcc.teams.microsoft.com/gcc", "http://localhost:1/", "http://127.0.0.2:9/connector/",
    ];

    private static readonly string[] HostileIds =
    [
        ".", "..", "../..", "../../../etc/passwd", "a/b", "a?x=1", "a#b", "%2e%2e", "%2F", "a%00b", "\\..\\..",
        "CON", "nul", "a b", " ", "\t", "a\nb", "\u202Eevil", "🙂", "e\u0301", "<at>x</at>", "*", "~", "_2f",
    ];

    private static readonly string[] WrongValues =
        ["1", "-1.5e308", "1e999", "true", "false", "null", "[]", "{}", "[1,2]", "{\"a\":1}", "\"s\"", "[null]", "0.0000001", "[[[]]]"];

    private static readonly string[] InvokeNames =
        ["task/fetch", "task/submit", "composeExtension/query", "signin/verifyState", "config/fetch", "actionableMessage/executeAction", "x", ""];

    // Teams sends '<', '>' and non-ASCII text as they are; the default encoder would inflate a mention bomb six-fold.
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random;
    private readonly Uri _sinkServiceUrl;
    private readonly CardPayloadGenerator _cards;

    /// <param name="seed">The same seed gives the same sequence.</param>
    /// <param name="sinkServiceUrl">The connector sink, where every activity's replies go.</param>
    /// <param name="stampOf">The live card's stamp in a dialog conversation, for forged clicks on it.</param>
    /// <param name="otherUsersMigrationIds">Migrations the harness seeded for another seller.</param>
    public RequestGenerator(int seed, Uri sinkServiceUrl, Func<string, string?> stampOf, IReadOnlyList<string> otherUsersMigrationIds)
    {
        _random = new Random(seed);
        _sinkServiceUrl = sinkServiceUrl;
        _cards = new CardPayloadGenerator(_random, (index, type) => Activity(index, type), stampOf, otherUsersMigrationIds);
    }

    /// <summary>The request at <paramref name="index"/>; call in index order (the generator is a sequence).</summary>
    public HostileCase Next(int index)
    {
        var generated = Generate(index);
        return generated with { UnimplementedInvoke = IsUnimplementedInvoke(generated.Request) };
    }

    /// <summary>
    /// Whether the body is an invoke the bot has no handler for, judged from the bytes alone: <c>type</c> is
    /// <c>invoke</c> and <c>name</c> is not <c>adaptiveCard/action</c>, the only invoke the bot implements.
    /// </summary>
    internal static bool IsUnimplementedInvoke(byte[] request)
    {
        var bodyStart = request.AsSpan().IndexOf("\r\n\r\n"u8);
        try
        {
            using var document = JsonDocument.Parse(request.AsMemory(bodyStart + 4));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "invoke"
                && !(root.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == "adaptiveCard/action");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private HostileCase Generate(int index)
    {
        if (index % ValidEvery == 0)
        {
            return ValidTurn(index);
        }

        var kinds = Enum.GetValues<CaseKind>().Where(k => k != CaseKind.ValidTurn).ToArray();
        return kinds[_random.Next(kinds.Length)] switch
        {
            CaseKind.MalformedJson => MalformedJson(index),
            CaseKind.WrongType => WrongType(index),
            CaseKind.HugeBody => HugeBody(index),
            CaseKind.DeepNesting => DeepNesting(index),
            CaseKind.OddUnicode => OddUnicode(index),
            CaseKind.HostileServiceUrl => HostileServiceUrl(index),
            CaseKind.HostileId => HostileId(index),
            CaseKind.BrokenFraming => BrokenFraming(index),
            CaseKind.CardAction => CardAction(index),
            CaseKind.UnknownInvoke => UnknownInvoke(index),
            CaseKind.MentionBomb => MentionBomb(index),
            CaseKind.CardPayload => _cards.Next(index, inDialog: false),
            CaseKind.DialogCardPayload => _cards.Next(index, inDialog: true),
            _ => HostileHeaders(index),
        };
    }

    /// <summary>A Teams-shaped activity aimed at the sink, in its own conversation so every answer is attributable.</summary>
    public JsonObject Activity(int index, string type = "message") => TemplateActivity(_sinkServiceUrl, index, type);

    public static JsonObject TemplateActivity(Uri sinkServiceUrl, int index, string type = "message") => new()
    {
        ["type"] = type,
        ["id"] = $"in-{index}",
        ["timestamp"] = "2026-12-01T09:30:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = sinkServiceUrl.ToString(),
        ["from"] = new JsonObject { ["id"] = $"29:seller-{index}", ["name"] = "Alex Wilber", ["aadObjectId"] = $"aad-{index}" },
        ["recipient"] = new JsonObject { ["id"] = "28:kaizalabot", ["name"] = "KaizalaBot" },
        ["conversation"] = new JsonObject { ["id"] = ConversationId(index), ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["locale"] = index % 2 == 0 ? "en-US" : "fr-FR",
        ["text"] = "help",
    };

    public static string ConversationId(int index) => $"a:turn-{index.ToString(CultureInfo.InvariantCulture)}";

    private HostileCase ValidTurn(int index)
    {
        if (index % (ValidEvery * 2) == 0)
        {
            return new HostileCase(index, CaseKind.ValidTurn, "help message", Post(Activity(index)), ValidConversationId: ConversationId(index));
        }

        // A card click with no dialog waiting: answered in the HTTP response (the stale-card message), sends nothing.
        var invoke = Activity(index, "invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"choosePlan","data":{"plan":"E3"}},"trigger":"manual"}""");
        return new HostileCase(index, CaseKind.ValidTurn, "card action", Post(invoke));
    }

    private HostileCase MalformedJson(int index)
    {
        var json = Activity(index).ToJsonString(Json);
        var choice = _random.Next(8);
        var body = choice switch
        {
            0 => json[.._random.Next(json.Length)],
            1 => json.Insert(_random.Next(json.Length), Pick(["{", "}", "\"", ",", ":", "\\", "]", "\u0000", "'"])),
            2 => json.Replace("\":", "\";", StringComparison.Ordinal),
            3 => Pick(["", " ", "null", "[]", "\"x\"", "1", "true", "{}", "{\"type\":\"message\"}{}", "[{\"type\":\"message\"}]"]),
            4 => json.Replace("\"help\"", "NaN", StringComparison.Ordinal),
            5 => json.Replace("{\"type\"", "{/*c*/\"type\"", StringComparison.Ordinal),
            6 => json.Replace('"', '\''),
            _ => json + Pick(["}", "]", ",", " x", "\u0000"]),
        };
        var bytes = choice == 3 || _random.Next(3) > 0 ? Encoding.UTF8.GetBytes(body) : RandomBytes(_random.Next(1, 300));
        return new HostileCase(index, CaseKind.MalformedJson, $"malformed JSON #{choice}", HttpRequestBytes.Post(bytes));
    }

    private HostileCase WrongType(int index)
    {
        var activity = Activity(index, Pick(["message", "invoke", "conversationUpdate", "installationUpdate"]));
        activity["value"] = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"v","data":{"k":"v"}}}""");
        activity["membersAdded"] = JsonNode.Parse("""[{"id":"28:kaizalabot"},{"id":"29:u"}]""");
        activity["attachments"] = JsonNode.Parse("""[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard"}}]""");
        activity["entities"] = JsonNode.Parse("""[{"type":"mention","text":"<at>x</at>"}]""");
        activity["action"] = "add";
        activity["name"] = "adaptiveCard/action";
        var paths = Paths(activity).ToList();
        var path = Pick(paths.ToArray());
        var wrong = Pick(WrongValues);
        var body = Set(activity, path, JsonValue.Create("__wrong__")).ToJsonString(Json).Replace("\"__wrong__\"", wrong, StringComparison.Ordinal);
        return new HostileCase(index, CaseKind.WrongType, $"{path} = {wrong}", Post(body));
    }

    private HostileCase HugeBody(int index)
    {
        var activity = Activity(index);
        switch (_random.Next(5))
        {
            case 0:
                // Around the 256 KB limit: under it the turn runs (unknown command); over it, 413.
                activity["text"] = new string('x', _random.Next(240_000, 270_000));
                return new HostileCase(index, CaseKind.HugeBody, "long text near the limit", Post(activity));
            case 1:
                // Declares 10 MB, sends a little and waits: refused on the declaration alone.
                return new HostileCase(
                    index,
                    CaseKind.HugeBody,
                    "declared 10 MB",
                    HttpRequestBytes.Concat(HttpRequestBytes.Head("POST", ["Content-Type: application/json", "Content-Length: 10485760"]), RandomBytes(1000)));
            case 2:
                activity["text"] = new string('y', 300_000);
                return new HostileCase(index, CaseKind.HugeBody, "chunked over the limit", HttpRequestBytes.PostChunked(Encoding.UTF8.GetBytes(activity.ToJsonString(Json)), 8192));
            case 3:
                var wide = new JsonObject();
                for (var i = 0; i < 8000; i++)
                {
                    wide[$"k{i}"] = i;
                }

                activity["value"] = wide;
                return new HostileCase(index, CaseKind.HugeBody, "8,000 keys in value", Post(activity));
            default:
                activity["entities"] = new JsonArray([.. Enumerable.Range(0, 5000).Select(i => (JsonNode?)new JsonObject { ["type"] = "x" + i })]);
                return new HostileCase(index, CaseKind.HugeBody, "5,000 entities", Post(activity));
        }
    }

    private HostileCase DeepNesting(int index)
    {
        var depth = Pick([63, 64, 65, 1_000, 50_000]);
        var (open, close) = _random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "0" + string.Concat(Enumerable.Repeat(close, depth));
        var body = Activity(index).ToJsonString(Json).Replace("\"text\":\"help\"", "\"text\":\"help\",\"value\":" + nested, StringComparison.Ordinal);
        return new HostileCase(index, CaseKind.DeepNesting, $"value nested {depth} deep", Post(body));
    }

    private HostileCase OddUnicode(int index)
    {
        var activity = Activity(index, Pick(["message", "invoke"]));
        activity["name"] = "adaptiveCard/action";
        activity["value"] = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"v","data":{"note":"n"}}}""");
        var path = Pick(StringPaths(activity).ToArray());
        var choice = _random.Next(12);
        string? raw = choice switch
        {
            0 => "\\ud800",
            1 => "\\udfff",
            2 => "\\udc00\\ud800",
            3 => "x\\ud83d",
            4 => "\\u0000",
            _ => null,
        };
        string? text = choice switch
        {
            5 => "\u202Ehelp",
            6 => "he\u200Dlp",
            7 => "e" + new string('\u0301', 2000),
            8 => "\uFFFF\uFFFE\uFDD0",
            9 => "🙂👩‍👩‍👧🇫🇷",
            _ => null,
        };
        byte[] body;
        if (raw is not null)
        {
            body = Encoding.UTF8.GetBytes(Set(activity, path, JsonValue.Create("__odd__")).ToJsonString(Json).Replace("__odd__", raw, StringComparison.Ordinal));
        }
        else if (text is not null)
        {
            body = Encoding.UTF8.GetBytes(Set(activity, path, JsonValue.Create(text)).ToJsonString(Json));
        }
        else
        {
            // Raw bytes that are not UTF-8 (a stray byte, an overlong '/', an encoded surrogate), or a byte order mark.
            var json = Encoding.UTF8.GetBytes(Set(activity, path, JsonValue.Create("__odd__")).ToJsonString(Json));
            var marker = json.AsSpan().IndexOf("__odd__"u8);
            byte[] odd = choice == 10 ? Pick<byte[]>([[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]]) : [];
            body = choice == 10
                ? [.. json[..marker], .. odd, .. json[(marker + 7)..]]
                : [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Activity(index).ToJsonString(Json))];
        }

        return new HostileCase(index, CaseKind.OddUnicode, $"odd text #{choice} in {path}", HttpRequestBytes.Post(body));
    }

    private HostileCase HostileServiceUrl(int index)
    {
        var serviceUrl = _random.Next(5) switch
        {
            0 => $"https://{_random.Next(256)}.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(256)}:{_random.Next(1, 65536)}/",
            1 => Pick(AllowedElsewhere),
            _ => Pick(HostileServiceUrls),
        };
        var activity = Activity(index, Pick(["message", "installationUpdate", "conversationUpdate", "invoke"]));
        activity["serviceUrl"] = serviceUrl;
        activity["action"] = "add";
        activity["membersAdded"] = JsonNode.Parse("""[{"id":"28:kaizalabot"}]""");
        return new HostileCase(index, CaseKind.HostileServiceUrl, $"serviceUrl {serviceUrl}", Post(activity));
    }

    private HostileCase HostileId(int index)
    {
        var activity = Activity(index, Pick(["message", "installationUpdate", "invoke"]));
        activity["action"] = "add";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"v","data":{}}}""");
        activity["replyToId"] = "card-1";
        var path = Pick(["conversation.id", "id", "replyToId", "from.id", "from.aadObjectId", "recipient.id", "channelId",
            "conversation.tenantId", "channelData.tenant.id", "locale", "from.name"]);
        var length = Pick([1, 200, 511, 512, 513, 2_000, 100_000]);
        var value = _random.Next(3) == 0
            ? string.Concat(Enumerable.Repeat(Pick([":", "é", "🙂", "/", "a", "%"]), length))[..Math.Min(length, 120_000)]
            : Pick(HostileIds);
        return new HostileCase(index, CaseKind.HostileId, $"{path} = {Describe(value)}", Post(Set(activity, path, JsonValue.Create(value))));
    }

    private HostileCase BrokenFraming(int index)
    {
        var body = Encoding.UTF8.GetBytes(Activity(index).ToJsonString(Json));
        var half = body.Length / 2;
        var chunk = $"{half:x}\r\n{Encoding.UTF8.GetString(body[..half])}\r\n";
        var choice = _random.Next(14);
        return choice switch
        {
            0 => Framing(index, "chunk size overflows", HttpRequestBytes.PostChunked("FFFFFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n")),
            1 => Framing(index, "chunk size not hex", HttpRequestBytes.PostChunked("zz\r\n{}\r\n0\r\n\r\n")),
            2 => Framing(index, "chunk without its CRLF", HttpRequestBytes.PostChunked(chunk.TrimEnd() + "XX0\r\n\r\n")),
            3 => Framing(index, "negative chunk size", HttpRequestBytes.PostChunked("-1\r\n{}\r\n0\r\n\r\n")),
            4 => Framing(index, "chunk extension garbage", HttpRequestBytes.PostChunked("2;" + new string(';', 5000) + "\r\n{}\r\n0\r\n\r\n")),
            // Closing the sending side ends the exchange for Kestrel: nobody is left to answer, nothing may run.
            5 => new HostileCase(index, CaseKind.BrokenFraming, "body shorter than Content-Length, then FIN",
                HttpRequestBytes.Concat(HttpRequestBytes.Head("POST", ["Content-Type: application/json", $"Content-Length: {body.Length}"]), body[..half]),
                RequestEnding.HalfClose),
            6 => new HostileCase(index, CaseKind.BrokenFraming, "chunked body cut off, then FIN",
                HttpRequestBytes.PostChunked(chunk), RequestEnding.HalfClose),
            7 => Framing(index, "Content-Length and Transfer-Encoding", HttpRequestBytes.Concat(
                HttpRequestBytes.Head("POST", [$"Content-Length: {body.Length}", "Transfer-Encoding: chunked"]), body)),
            8 => Framing(index, "two Content-Lengths", HttpRequestBytes.Concat(
                HttpRequestBytes.Head("POST", [$"Content-Length: {body.Length}", "Content-Length: 3"]), body)),
            9 => Framing(index, "Content-Length not a number", HttpRequestBytes.Concat(HttpRequestBytes.Head("POST", ["Content-Length: 12abc"]), body)),
            10 => Framing(index, "header line of 40 KB", HttpRequestBytes.Post(body, "X-Long: " + new string('a', 40_000))),
            11 => Framing(index, "garbage request line", Encoding.ASCII.GetBytes("\u0001\u0002 /api/messages HTTP/9.9\r\n\r\n")),
            12 => OtherVerb(index),
            // Rare on purpose: the server gives up on a stalled body (408) after Kestrel's minimum data rate grace, 5 s.
            _ => _random.Next(3) switch
            {
                0 => new HostileCase(index, CaseKind.BrokenFraming, "body stops short of Content-Length, connection kept open",
                    HttpRequestBytes.Concat(HttpRequestBytes.Head("POST", ["Content-Type: application/json", $"Content-Length: {body.Length}"]), body[..half]),
                    RequestEnding.Stall),
                1 => new HostileCase(index, CaseKind.BrokenFraming, "chunked body stops, connection kept open", HttpRequestBytes.PostChunked(chunk), RequestEnding.Stall),
                _ => Framing(index, "HEAD /api/messages", HttpRequestBytes.Head("HEAD", [])),
            },
        };
    }

    private HostileCase CardAction(int index)
    {
        var activity = Activity(index, "invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "card-1";
        var choice = _random.Next(9);
        var description = "card action #" + choice;
        switch (choice)
        {
            case 0: activity.Remove("value"); break;
            case 1: activity["value"] = null; break;
            case 2: activity["value"] = JsonNode.Parse("""{"trigger":"manual"}"""); break;
            case 3: activity["value"] = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":5,"data":"not an object"}}"""); break;
            case 4: activity["value"] = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"v","data":{"kbPrompt":["x"]}},"trigger":"automatic"}"""); break;
            case 5: activity.Remove("conversation"); break;
            case 6: activity.Remove("channelId"); break;
            case 7: ((JsonObject)activity["conversation"]!).Remove("id"); break;
            default:
                var duplicate = activity.ToJsonString(Json).Replace("\"text\":\"help\"",
                    "\"text\":\"help\",\"value\":{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"v\",\"data\":{\"plan\":\"E3\",\"plan\":\"E5\"}}}",
                    StringComparison.Ordinal);
                return new HostileCase(index, CaseKind.CardAction, "duplicate keys in card data", Post(duplicate));
        }

        return new HostileCase(index, CaseKind.CardAction, description, Post(activity));
    }

    private HostileCase UnknownInvoke(int index)
    {
        var activity = Activity(index, "invoke");
        var name = Pick(InvokeNames);
        if (name.Length == 0)
        {
            activity.Remove("name");
        }
        else
        {
            activity["name"] = name;
        }

        activity["value"] = JsonNode.Parse("""{"commandId":"x","parameters":[]}""");
        return new HostileCase(index, CaseKind.UnknownInvoke, $"invoke '{name}'", Post(activity));
    }

    private HostileCase MentionBomb(int index)
    {
        var unit = Pick(["<at>", "<AT>x", "<at></a", "<at>x</at>", "</at><at>"]);
        var activity = Activity(index);
        activity["text"] = string.Concat(Enumerable.Repeat(unit, 200_000 / unit.Length)) + " help";
        return new HostileCase(index, CaseKind.MentionBomb, $"text of {unit} repeated", Post(activity), ValidConversationId: ConversationId(index));
    }

    private HostileCase HostileHeaders(int index)
    {
        var body = Encoding.UTF8.GetBytes(Activity(index).ToJsonString(Json));
        var header = Pick([
            "Authorization: Bearer " + new string('A', 4000),
            "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.",
            "Authorization: Basic dXNlcjpwYXNz",
            "Authorization: bearer x",
            "Content-Type: text/plain",
            "Content-Type: application/json; charset=utf-16",
            "Content-Encoding: gzip",
            "Expect: 100-continue",
            "X-Forwarded-For: 169.254.169.254",
        ]);
        return new HostileCase(index, CaseKind.HostileHeaders, header[..Math.Min(header.Length, 40)], HttpRequestBytes.Post(body, header));
    }

    private HostileCase OtherVerb(int index)
    {
        var verb = Pick(["GET", "PUT", "DELETE", "OPTIONS", "PATCH"]);
        return Framing(index, verb + " /api/messages", HttpRequestBytes.Head(verb, []));
    }

    private static HostileCase Framing(int index, string description, byte[] request) =>
        new(index, CaseKind.BrokenFraming, description, request);

    private static byte[] Post(JsonObject activity) => Post(activity.ToJsonString(Json));

    private static byte[] Post(string json) => HttpRequestBytes.Post(Encoding.UTF8.GetBytes(json));

    private static JsonObject Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var parent = root;
        foreach (var part in parts[..^1])
        {
            parent = parent[part] as JsonObject ?? (JsonObject)(parent[part] = new JsonObject());
        }

        parent[parts[^1]] = value;
        return root;
    }

    /// <summary>Every property path of the object tree (arrays are left whole), for "wrong type on every field".</summary>
    private static IEnumerable<string> Paths(JsonObject node, string prefix = "")
    {
        foreach (var (name, child) in node)
        {
            var path = prefix + name;
            yield return path;
            if (child is JsonObject inner)
            {
                foreach (var nested in Paths(inner, path + "."))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<string> StringPaths(JsonObject node, string prefix = "") =>
        node.SelectMany(property => property.Value switch
        {
            JsonObject inner => StringPaths(inner, prefix + property.Key + "."),
            JsonValue value when value.TryGetValue<string>(out _) => [prefix + property.Key],
            _ => [],
        });

    internal static string Describe(string value) =>
        value.Length > 24 ? $"{value.Length} × '{value[0]}'" : value.Replace("\n", "\\n", StringComparison.Ordinal);

    private T Pick<T>(T[] choices) => choices[_random.Next(choices.Length)];

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
