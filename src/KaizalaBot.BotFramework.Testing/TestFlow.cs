using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Testing;

/// <summary>
/// The SDK's <c>TestFlow</c>: a script of user actions and expectations, run in order by <see cref="StartTestAsync"/>.
/// Card clicks act on the most recent card the bot showed (sent or updated): <see cref="SendExecute"/> clicks its
/// <c>Action.Execute</c> with the given verb, <see cref="SendSubmit"/> submits data on it, both carrying the card's
/// hidden prompt stamp as Teams would.
/// </summary>
public sealed class TestFlow
{
    private readonly TestAdapter _adapter;
    private readonly IBot _bot;
    private readonly List<Func<CancellationToken, Task>> _steps = [];
    private int _repliesRead;
    private InvokeResponse? _lastInvokeResponse;
    private bool _lastWasInvoke;
    private int _repliesScanned;
    private (string? ActivityId, JsonNode Card)? _latestCard;

    public TestFlow(TestAdapter adapter, IBot bot)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(bot);

        _adapter = adapter;
        _bot = bot;
    }

    /// <summary>The user types <paramref name="text"/> (the activity is made when the step runs, with the adapter's conversation then).</summary>
    public TestFlow Send(string text)
    {
        _steps.Add(ct => RunTurnAsync(_adapter.MakeActivity(ActivityTypes.Message) with { Text = text }, ct));
        return this;
    }

    /// <summary>Sends a hand-made activity as is (ids, stamps and all), e.g. a click on an old card.</summary>
    public TestFlow Send(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        _steps.Add(ct => RunTurnAsync(activity, ct));
        return this;
    }

    /// <summary>An Action.Submit on the latest card: a message whose value is <paramref name="data"/> plus the card's stamp.</summary>
    public TestFlow SendSubmit(object data)
    {
        ArgumentNullException.ThrowIfNull(data);

        _steps.Add(ct =>
        {
            var (cardId, card) = LatestCard();
            var value = ToObject(data);
            if (FindStamp(card) is { } stamp)
            {
                value[CardStamp.DataKey] = stamp;
            }

            var activity = _adapter.MakeActivity(ActivityTypes.Message) with
            {
                ReplyToId = cardId,
                Value = JsonSerializer.SerializeToElement(value, BotJson.Options),
            };
            return RunTurnAsync(activity, ct);
        });
        return this;
    }

    /// <summary>An Action.Execute click: the latest card's action with <paramref name="verb"/>, its data merged with <paramref name="inputs"/>.</summary>
    public TestFlow SendExecute(string verb, object? inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(verb);

        _steps.Add(ct =>
        {
            var (cardId, card) = LatestCard();
            var action = FindActions(card).FirstOrDefault(a => (string?)a["type"] == "Action.Execute" && (string?)a["verb"] == verb)
                ?? throw new TestFlowAssertionException($"The latest card has no Action.Execute with verb '{verb}'.");
            var data = action["data"] as JsonObject is { } actionData ? actionData.DeepClone().AsObject() : [];
            if (inputs is not null)
            {
                foreach (var (name, value) in ToObject(inputs).ToList())
                {
                    data[name] = value?.DeepClone();
                }
            }

            var invokeValue = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            };
            var activity = _adapter.MakeActivity(ActivityTypes.Invoke) with
            {
                Name = InvokeNames.AdaptiveCardAction,
                ReplyToId = cardId,
                Value = JsonSerializer.SerializeToElement(invokeValue, BotJson.Options),
            };
            return RunTurnAsync(activity, ct);
        });
        return this;
    }

    /// <summary>The next reply is a message with exactly this text.</summary>
    public TestFlow AssertReply(string expectedText) =>
        AssertReply(reply =>
        {
            if (reply.Text != expectedText)
            {
                throw new TestFlowAssertionException($"Expected the reply \"{expectedText}\" but got \"{reply.Text}\".");
            }
        });

    /// <summary>The next reply (sent or updated activity) passes <paramref name="inspect"/>, which throws if not.</summary>
    public TestFlow AssertReply(Action<Activity> inspect)
    {
        ArgumentNullException.ThrowIfNull(inspect);

        _steps.Add(_ =>
        {
            var replies = _adapter.Connector.Replies;
            if (_repliesRead >= replies.Count)
            {
                throw new TestFlowAssertionException("Expected a reply but the bot sent nothing more.");
            }

            inspect(replies[_repliesRead++]);
            return Task.CompletedTask;
        });
        return this;
    }

    public TestFlow AssertNoReply()
    {
        _steps.Add(_ =>
        {
            var replies = _adapter.Connector.Replies;
            return _repliesRead < replies.Count
                ? throw new TestFlowAssertionException($"Expected no reply but got one: \"{replies[_repliesRead].Text}\".")
                : Task.CompletedTask;
        });
        return this;
    }

    /// <summary>The last turn was an invoke whose answer passes <paramref name="inspect"/>.</summary>
    public TestFlow AssertInvokeResponse(Action<InvokeResponse> inspect)
    {
        ArgumentNullException.ThrowIfNull(inspect);

        _steps.Add(_ =>
        {
            if (!_lastWasInvoke || _lastInvokeResponse is null)
            {
                throw new TestFlowAssertionException("Expected an invoke response but the last turn was not an invoke.");
            }

            inspect(_lastInvokeResponse);
            return Task.CompletedTask;
        });
        return this;
    }

    public async Task StartTestAsync(CancellationToken cancellationToken)
    {
        foreach (var step in _steps)
        {
            await step(cancellationToken);
        }
    }

    private async Task RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        _lastWasInvoke = activity.Type == ActivityTypes.Invoke;
        _lastInvokeResponse = await _adapter.ProcessActivityAsync(activity, _bot.OnTurnAsync, cancellationToken);
        TrackLatestCard(activity);
    }

    private (string? ActivityId, JsonNode Card) LatestCard()
    {
        ScanReplies();
        return _latestCard ?? throw new TestFlowAssertionException("The bot has not shown any Adaptive Card to click.");
    }

    /// <summary>
    /// Follows what the user sees: an Execute answer carrying a card replaces the clicked card in place; cards the
    /// turn sent or updated through the connector come after it.
    /// </summary>
    private void TrackLatestCard(Activity activity)
    {
        if (_lastInvokeResponse?.Body is { ValueKind: JsonValueKind.Object } body
            && body.TryGetProperty("type", out var type) && type.GetString() == ContentTypes.AdaptiveCard
            && body.TryGetProperty("value", out var card))
        {
            _latestCard = (activity.ReplyToId, JsonNode.Parse(card.GetRawText())!);
        }

        ScanReplies();
    }

    private void ScanReplies()
    {
        var replies = _adapter.Connector.Replies;
        for (; _repliesScanned < replies.Count; _repliesScanned++)
        {
            var content = replies[_repliesScanned].Attachments?.FirstOrDefault(a => a.ContentType == ContentTypes.AdaptiveCard)?.Content;
            if (content is { } sent)
            {
                _latestCard = (replies[_repliesScanned].Id, JsonNode.Parse(sent.GetRawText())!);
            }
        }
    }

    private static IEnumerable<JsonObject> FindActions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if ((string?)(obj["type"] as JsonValue) is "Action.Execute" or "Action.Submit")
                {
                    yield return obj;
                }

                foreach (var child in obj.Select(p => p.Value))
                {
                    foreach (var action in FindActions(child))
                    {
                        yield return action;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var action in FindActions(child))
                    {
                        yield return action;
                    }
                }

                break;
        }
    }

    private static string? FindStamp(JsonNode card) =>
        FindActions(card).Select(a => a["data"]?[CardStamp.DataKey] as JsonValue).FirstOrDefault(v => v is not null)?.GetValue<string>();

    private static JsonObject ToObject(object data) =>
        JsonSerializer.SerializeToNode(data, data.GetType(), BotJson.Options) as JsonObject
            ?? throw new ArgumentException("Card data must serialise to a JSON object.", nameof(data));
}
