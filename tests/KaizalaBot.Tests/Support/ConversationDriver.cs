using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Protocol;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// One seller in their personal chat, clicking cards as Teams would: Action.Execute posts an invoke whose answer
/// replaces the card; Action.Submit posts the fallback's data as a message and the bot updates the clicked message.
/// Tracks the card the seller currently sees and every text the bot said.
/// </summary>
internal sealed class ConversationDriver(ConversationWorld world, CardStyle style, string locale = "en-US", TeamsActivities? who = null)
{
    public TeamsActivities Seller { get; } = who ?? world.Seller(locale);

    public ShownCard? Current { get; private set; }

    // How many of the connector's requests the driver has looked at for Current: a redraw is looked for after them.
    private int _looked;

    /// <summary>
    /// Runs when a click's answer has arrived, before the driver looks at it: a test's way to let the bot move on in
    /// the meantime, as it may while a slow client is still applying the answer.
    /// </summary>
    public Func<Task>? OnAnswerArrived { get; set; }

    /// <summary>The answer of the last click when it was not a card (an invoke toast, or chat messages).</summary>
    public List<string> Said { get; } = [];

    public async Task InstallAsync() => await PostAsync(Seller.InstallationAdd());

    public async Task<ShownCard> TypeAsync(string text)
    {
        var before = world.Connector.Requests.Count;
        var response = await PostAsync(Seller.Message(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Observe(before) ?? throw new InvalidOperationException($"\"{text}\" got no card; the bot said: {string.Join(" / ", Said)}");
    }

    /// <summary>Types <paramref name="text"/> and records whatever the bot answers (a card or not).</summary>
    public async Task SayAsync(string text)
    {
        Said.Clear();
        var before = world.Connector.Requests.Count;
        var response = await PostAsync(Seller.Message(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Observe(before);
    }

    /// <summary>Clicks the first button with <paramref name="verb"/> (whose data fits <paramref name="match"/>), with the card's inputs set.</summary>
    public Task<HttpResponseMessage> ClickAsync(
        string verb, Func<JsonObject, bool>? match = null, IReadOnlyDictionary<string, JsonNode?>? inputs = null, Action<JsonObject>? tamper = null,
        string? sendAs = null)
    {
        var card = Current ?? throw new InvalidOperationException("No card to click.");
        var action = ShownCard.Actions(card.Card).FirstOrDefault(a => a["verb"]?.GetValue<string>() == verb && (match?.Invoke(a["data"] as JsonObject ?? []) ?? true))
            ?? throw new InvalidOperationException($"No {verb} button on the card: {card.Text}");
        var data = (style == CardStyle.Execute ? action["data"] : action["fallback"]!["data"])?.DeepClone().AsObject() ?? [];
        foreach (var (name, value) in inputs ?? new Dictionary<string, JsonNode?>())
        {
            data[name] = value?.DeepClone();
        }

        tamper?.Invoke(data);
        return SendClickAsync(sendAs ?? verb, data, card.ActivityId);
    }

    /// <summary>Posts a click with exactly <paramref name="data"/> (forged or replayed) on the message <paramref name="activityId"/>.</summary>
    public async Task<HttpResponseMessage> SendClickAsync(string verb, JsonObject data, string activityId)
    {
        Said.Clear();
        var before = world.Connector.Requests.Count;
        var response = style == CardStyle.Execute
            ? await PostAsync(Seller.Execute(verb, data.ToJsonString(), activityId))
            : await PostAsync(Seller.Submit(data.ToJsonString(), activityId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (OnAnswerArrived is { } arrived)
        {
            await arrived();
        }

        var answered = AnsweredAt(response);
        var replaced = false;
        if (style == CardStyle.Execute)
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if (body["type"]!.GetValue<string>() == ContentTypes.AdaptiveCard)
            {
                Current = new ShownCard(activityId, body["value"]!.AsObject());
                replaced = true;
            }
            else if (body["type"]!.GetValue<string>() == ContentTypes.Error)
            {
                // Teams shows an error answer's message on the card.
                Said.Add(body["value"]!["message"]!.GetValue<string>());
            }
            else
            {
                Said.Add(body["value"]!.ToString());
            }
        }

        // The conversation's turns run one at a time and the bot answers before letting go of it, so a redraw of the
        // clicked message counted in the answer's stamp came before the click's turn (Teams shows the answer's card over
        // it, and so must this), and one after it came after the answer (it replaces the answer's card).
        Observe(before, replaced ? (activityId, answered) : null);
        return response;
    }

    /// <summary>Waits (bounded) until the bot redraws the current card's message on its own into one that fits <paramref name="done"/>.</summary>
    public Task<ShownCard> WaitForUpdateAsync(Func<ShownCard, bool> done, string what) => WaitForUpdateAsync(done, what, Waits.DefaultLimit);

    /// <summary>
    /// As <see cref="WaitForUpdateAsync(Func{ShownCard, bool}, string)"/> within <paramref name="limit"/>; a
    /// TimeoutException saying what reached the connector when no redraw that fits came by then.
    /// </summary>
    public async Task<ShownCard> WaitForUpdateAsync(Func<ShownCard, bool> done, string what, TimeSpan limit)
    {
        var id = Current!.ActivityId;
        var deadline = TimeProvider.System.GetUtcNow() + limit;
        while (!done(Current))
        {
            // From the first request not yet looked at, not from the count now: a redraw that arrived since the click's
            // answer was read (before this wait began) is the one awaited, and no later request may ever come.
            var requests = world.Connector.Requests;
            if (requests.Count > _looked)
            {
                Current = LastCardFor(requests, id, _looked) ?? Current;
                _looked = requests.Count;
                continue;
            }

            try
            {
                await world.Connector.WaitForRequestsAsync(_looked + 1, deadline - TimeProvider.System.GetUtcNow());
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"No redraw of {id} for {what}; the card: {Current.Text}\n{WhatHappened()}", ex);
            }
        }

        return Current;
    }

    /// <summary>Waits (bounded) for a card, posted or updated since request <paramref name="from"/>, that fits <paramref name="wanted"/>.</summary>
    public async Task<ShownCard> WaitForCardAsync(int from, Func<ShownCard, bool> wanted, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(60);
        while (true)
        {
            var seen = world.Connector.Requests.Count;
            if (CardsSince(from).FirstOrDefault(wanted) is { } card)
            {
                return card;
            }

            var left = deadline - TimeProvider.System.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No card for {what} within 60 s.");
            }

            await world.Connector.WaitForRequestsAsync(seen + 1, left);
        }
    }

    /// <summary>Waits (bounded) for a text message to this conversation, sent since request <paramref name="from"/>, that fits <paramref name="wanted"/>.</summary>
    public async Task<string> WaitForTextAsync(int from, Func<string, bool> wanted, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(60);
        while (true)
        {
            var seen = world.Connector.Requests.Count;
            var text = world.Connector.Requests.Skip(from).Where(Mine).Select(r => r.Activity().Text).FirstOrDefault(t => t is not null && wanted(t));
            if (text is not null)
            {
                return text;
            }

            var left = deadline - TimeProvider.System.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No message for {what} within 60 s.");
            }

            await world.Connector.WaitForRequestsAsync(seen + 1, left);
        }
    }

    /// <summary>Cards posted or updated since request <paramref name="from"/> (0-based), with their message ids.</summary>
    public IReadOnlyList<ShownCard> CardsSince(int from) => CardsIn(world.Connector.Requests, from, superseded: null);

    // Without the updates of message superseded.ActivityId recorded before request superseded.Answered (see SendClickAsync).
    private List<ShownCard> CardsIn(IReadOnlyList<RecordedRequest> requests, int from, (string ActivityId, int Answered)? superseded) =>
    [
        .. requests.Select((r, i) => (r, i)).Skip(from).Where(x => Mine(x.r))
            .Select(x => (Card: ToCard(x.r, x.i), Index: x.i))
            .Where(x => x.Card is not null && !(superseded is var (id, answered) && x.Card.ActivityId == id && x.Index < answered))
            .Select(x => x.Card!),
    ];

    // What the bot sent to this seller's conversation (others, such as an approver's, have their own driver).
    private bool Mine(RecordedRequest request) =>
        request.Body.Length > 0 && request.RawTarget.Contains($"/conversations/{Uri.EscapeDataString(Seller.ConversationId)}/", StringComparison.Ordinal);

    private ShownCard? LastCardFor(IReadOnlyList<RecordedRequest> requests, string activityId, int from) =>
        CardsIn(requests, from, superseded: null).LastOrDefault(c => c.ActivityId == activityId);

    private ShownCard? Observe(int before, (string ActivityId, int Answered)? superseded = null)
    {
        var requests = world.Connector.Requests;
        foreach (var request in requests.Skip(before).Where(Mine))
        {
            var activity = request.Activity();
            if (activity.Type == ActivityTypes.Message && activity.Text is { Length: > 0 } text)
            {
                Said.Add(text);
            }
        }

        var cards = CardsIn(requests, before, superseded);
        if (cards.Count > 0)
        {
            Current = cards[^1];
        }

        _looked = requests.Count;
        return cards.Count > 0 ? Current : null;
    }

    private static ShownCard? ToCard(RecordedRequest request, int index)
    {
        var activity = request.Activity();
        if (activity.Attachments is not [{ ContentType: ContentTypes.AdaptiveCard, Content: { } content }, ..])
        {
            return null;
        }

        // A PUT names the message it updates; a POST creates message "activity-{n}" (the recording connector's answer).
        var id = request.Method == "PUT" ? request.RawTarget.Split('/')[^1] : $"activity-{index + 1}";
        return new ShownCard(Uri.UnescapeDataString(id), JsonNode.Parse(content.GetRawText())!.AsObject());
    }

    // For a wait that timed out: what reached the connector, and what the bot logged at Information and above.
    private string WhatHappened() =>
        "connector: " + string.Join(" | ", world.Connector.Requests.Select(r => $"{r.Method} {r.RawTarget}"))
        + "\nbot: " + string.Join(" | ", world.Logs.GetSnapshot().Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Information).Select(r => $"{r.Timestamp:HH:mm:ss.fff} {r.Level} {r.Message}"));

    // How many requests the connector held when the bot began this answer (ConversationBotHost.RecordedRequestsHeader).
    private static int AnsweredAt(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ConversationBotHost.RecordedRequestsHeader, out var values)
            ? int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The bot host's answer carries no {ConversationBotHost.RecordedRequestsHeader} header.");

    private Task<HttpResponseMessage> PostAsync(Activity activity) => world.Client.SendAsync(TeamsActivities.Post(activity));
}
