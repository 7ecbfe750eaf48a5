using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Testing.Cards;

namespace KaizalaBot.Reliability;

/// <summary>
/// A seller of the partner's tenant in their personal chat, talking to the one endpoint (the round-robin proxy) as Teams
/// does: installs the bot, then walks the migration dialog up to its review card, each click built from the card the bot
/// answered last (Action.Execute, so every answer comes back with its own request), answering the licence count with a
/// burst of clicks at once, each choosing another count; then types <c>cancel</c>. Replies to typed messages are read
/// from the recording connector.
/// </summary>
internal sealed class SharedStoreSeller(HttpClient endpoint, FaultingChatConnector connector, HostTexts texts, int index)
{
    private const string CountVerb = "migrate.count";
    private const string RefreshVerb = "migrate.refresh";

    // The users step reads every user's licences at Partner Center's pace (500 calls a minute per customer): a customer
    // of 600 users takes over a minute to list, a walk is about turns, not that wait.
    private const int MaxUsers = 100;
    private static readonly TimeSpan WaitingLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RefreshPause = TimeSpan.FromMilliseconds(250);

    public string AadObjectId { get; } = string.Create(CultureInfo.InvariantCulture, $"5a7e0000-0000-4000-8000-{index:x12}");

    public string Locale => index % 2 == 0 ? "en-US" : "fr-FR";

    public string ConversationId { get; } = string.Create(CultureInfo.InvariantCulture, $"a:shared-store-{index}");

    private bool French => Locale.StartsWith("fr", StringComparison.Ordinal);

    /// <summary>Installs the bot in the seller's personal scope: the bot stores the reference reminders go to.</summary>
    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        var (status, _, _) = await PostAsync(NewActivity(ActivityTypes.InstallationUpdate) with { Action = InstallationUpdateActions.Add }, cancellationToken);
        if (status != 200)
        {
            throw new InvalidOperationException($"Installing the bot for seller {index} was answered {status}.");
        }
    }

    /// <param name="walk">The walk's number: sellers and walks start from different customers of the list.</param>
    public async Task<WalkResult> WalkAsync(int walk, int burst, CancellationToken cancellationToken)
    {
        var instances = new List<int>();
        var (accepted, refused, other) = (0, 0, 0);
        try
        {
            var card = Card(await SayAsync(French ? "migrer" : "migrate", instances, cancellationToken), "migrate");
            var (plans, customerChosen) = await ChooseSubscriptionAsync(card, index + walk, instances, cancellationToken);
            card = await UntilOfferedAsync(await ClickAsync(plans, "migrate.plan", instances, cancellationToken), CountVerb, instances, cancellationToken);
            var planChosen = card;
            var answers = await BurstAsync(card, burst, cancellationToken);
            accepted = answers.Count(a => a.Card is not null);
            refused = answers.Count(a => a.Card is null && a.Status == 200 && a.Message == texts.Get(Locale, "staleCard"));
            other = answers.Count - accepted - refused;
            if (accepted != 1 || other != 0)
            {
                throw new DialogWalkException(string.Create(CultureInfo.InvariantCulture,
                    $"{answers.Count} clicks at once on the count card: {accepted} taken, {refused} refused as stale, {other} answered otherwise ({string.Join("; ", answers.Where(a => a.Card is null && a.Message != texts.Get(Locale, "staleCard")).Select(a => $"{a.Status} {a.Message}"))})"));
            }

            var taken = answers.Single(a => a.Card is not null);
            instances.Add(taken.Instance);
            var users = await UntilOfferedAsync(taken.Card!.Value, "migrate.continue", instances, cancellationToken);
            var review = await UntilOfferedAsync(await ClickAsync(users, "migrate.continue", instances, cancellationToken), "migrate.confirm", instances, cancellationToken);
            if (CardClick.Find(review, "migrate.confirm", CardActionStyle.Execute) is null)
            {
                throw new DialogWalkException("The walk did not end on the review card: " + Excerpt(review));
            }

            // The choices, each made on a turn another instance may have served: the customer named on the card its
            // subscription was chosen on, the plan named on the count card, the count of the click taken.
            var facts = JsonNode.Parse(review.GetRawText())!;
            var shown = CardJson.LeadingNumber(CardJson.Fact(facts, texts.Get(Locale, "migrationFactLicences")));
            if (shown != taken.Count)
            {
                throw new DialogWalkException(string.Create(CultureInfo.InvariantCulture,
                    $"The review card shows {shown?.ToString(CultureInfo.InvariantCulture) ?? "no"} licences; the click taken chose {taken.Count}."));
            }

            foreach (var (fact, chosenOn) in new[] { ("migrationFactCustomer", customerChosen), ("migrationFactPlan", planChosen) })
            {
                if (CardJson.Fact(facts, texts.Get(Locale, fact)) is not { Length: > 0 } value || !CardJson.Shows(chosenOn, value))
                {
                    throw new DialogWalkException($"The review card's {fact} is not the one chosen: {Excerpt(review)}");
                }
            }

            var cancelled = await SayAsync(French ? "annuler" : "cancel", instances, cancellationToken);
            if (cancelled.Text != texts.Get(Locale, "cancelled"))
            {
                throw new DialogWalkException($"'cancel' at the review card was answered '{cancelled.Text}', not that the dialog stopped.");
            }

            return new WalkResult(null, accepted, refused, other, instances);
        }
        catch (DialogWalkException ex)
        {
            // Leave the chat clean for the next walk, whatever state the broken one left.
            try
            {
                await SayAsync(French ? "annuler" : "cancel", [], cancellationToken);
            }
            catch (DialogWalkException)
            {
                // Reported with the walk's own failure.
            }

            return new WalkResult(ex.Message, accepted, refused, other, instances);
        }
    }

    /// <summary>
    /// The count card's button clicked <paramref name="burst"/> times at once, each click with another count from the
    /// card's default (the users to move) upwards, within the card's maximum.
    /// </summary>
    private async Task<IReadOnlyList<BurstAnswer>> BurstAsync(JsonElement card, int burst, CancellationToken cancellationToken)
    {
        var (verb, data) = CardClick.Find(card, CountVerb, CardActionStyle.Execute)
            ?? throw new DialogWalkException("The count card has no count button: " + Excerpt(card));
        var input = CardJson.Objects(JsonNode.Parse(card.GetRawText())).FirstOrDefault(o => CardJson.Text(o["id"]) == "licenceCount")
            ?? throw new DialogWalkException("The count card has no licence count input.");
        var first = CardJson.Number(input["value"]) ?? throw new DialogWalkException("The licence count input has no value.");
        var choices = Math.Max(1, (CardJson.Number(input["max"]) ?? long.MaxValue) - first + 1);
        var clicks = Enumerable.Range(0, burst).Select(async i =>
        {
            var count = (int)(first + (i % choices));
            var clicked = (JsonObject)data.DeepClone();
            clicked["licenceCount"] = count.ToString(CultureInfo.InvariantCulture);
            var (status, body, instance) = await PostAsync(Invoke(verb, clicked), cancellationToken);
            var (answerCard, message) = status == 200 ? InvokeAnswer(body) : (null, null);
            return new BurstAnswer(count, status, answerCard, message, instance);
        });
        return await Task.WhenAll(clicks);
    }

    /// <summary>
    /// Picks the customers of the list in turn from <paramref name="first"/> until one has a subscription that can be
    /// migrated (one already expired cannot: the step shows it without its button) with at most <see cref="MaxUsers"/>
    /// users, going back to the list after each other; returns the plan card, and the card the subscription was chosen on.
    /// </summary>
    private async Task<(JsonElement Plans, JsonElement Subscriptions)> ChooseSubscriptionAsync(JsonElement list, int first, List<int> instances, CancellationToken cancellationToken)
    {
        var customers = CardClick.FindAll(list, "migrate.customer", CardActionStyle.Execute).Count;
        for (var attempt = 0; attempt < customers; attempt++)
        {
            var buttons = CardClick.FindAll(list, "migrate.customer", CardActionStyle.Execute);
            var (verb, data) = buttons[(first + attempt) % buttons.Count];
            var subscriptions = await UntilOfferedAsync(await ClickAsync(verb, data, instances, cancellationToken), "migrate.subscription", instances, cancellationToken);
            var assigned = CardJson.LeadingNumber(CardJson.Fact(JsonNode.Parse(subscriptions.GetRawText())!, texts.Get(Locale, "migrationFactAssigned")));
            if (CardClick.Find(subscriptions, "migrate.subscription", CardActionStyle.Execute) is not null && assigned <= MaxUsers)
            {
                return (await UntilOfferedAsync(await ClickAsync(subscriptions, "migrate.subscription", instances, cancellationToken), "migrate.plan", instances, cancellationToken), subscriptions);
            }

            list = await ClickAsync(subscriptions, "migrate.back", instances, cancellationToken);
        }

        throw new DialogWalkException(string.Create(CultureInfo.InvariantCulture, $"None of the {customers} customers listed has a subscription that can be migrated."));
    }

    /// <summary>
    /// A step whose data is still being read shows a waiting card with a Refresh button: the seller clicks it, a moment
    /// apart, until the card offers <paramref name="verb"/> (or no longer waits).
    /// </summary>
    private async Task<JsonElement> UntilOfferedAsync(JsonElement card, string verb, List<int> instances, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.GetTimestamp();
        while (CardClick.Find(card, verb, CardActionStyle.Execute) is null && CardClick.Find(card, RefreshVerb, CardActionStyle.Execute) is not null)
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(waited) > WaitingLimit)
            {
                throw new DialogWalkException($"The card still waited after {WaitingLimit}: {Excerpt(card)}");
            }

            await Task.Delay(RefreshPause, cancellationToken);
            card = await ClickAsync(card, RefreshVerb, instances, cancellationToken);
        }

        return card;
    }

    private async Task<JsonElement> ClickAsync(JsonElement card, string verb, List<int> instances, CancellationToken cancellationToken)
    {
        var (actionVerb, data) = CardClick.Find(card, verb, CardActionStyle.Execute)
            ?? throw new DialogWalkException($"The card has no {verb} button: {Excerpt(card)}");
        return await ClickAsync(actionVerb, data, instances, cancellationToken);
    }

    private async Task<JsonElement> ClickAsync(string? verb, JsonObject data, List<int> instances, CancellationToken cancellationToken)
    {
        var (status, body, instance) = await PostAsync(Invoke(verb, data), cancellationToken);
        instances.Add(instance);
        var (next, message) = status == 200 ? InvokeAnswer(body) : (null, null);
        return next ?? throw new DialogWalkException($"The {verb} click was answered {status} {message}, not a card.");
    }

    /// <summary>A typed message; the bot's replies to it are read from the connector (the bot sends them before it answers).</summary>
    private async Task<(JsonElement? Card, string? Text)> SayAsync(string text, List<int> instances, CancellationToken cancellationToken)
    {
        var activity = NewActivity(ActivityTypes.Message) with { Text = text };
        var (status, _, instance) = await PostAsync(activity, cancellationToken);
        instances.Add(instance);
        if (status != 200)
        {
            throw new DialogWalkException($"'{text}' was answered {status}.");
        }

        var reply = connector.Exchanges.LastOrDefault(e => e.Method == "POST" && e.Status == 200
            && e.Path.EndsWith($"/v3/conversations/{ConversationId}/activities/{activity.Id}", StringComparison.Ordinal));
        if (reply is null)
        {
            throw new DialogWalkException($"'{text}' got no reply.");
        }

        var sent = JsonNode.Parse(reply.Body);
        var card = sent?["attachments"]?.AsArray().FirstOrDefault(a => CardJson.Text(a?["contentType"]) == ContentTypes.AdaptiveCard)?["content"];
        return (card is null ? null : JsonSerializer.SerializeToElement(card), CardJson.Text(sent?["text"]));
    }

    private static JsonElement Card((JsonElement? Card, string? Text) reply, string said) =>
        reply.Card ?? throw new DialogWalkException($"'{said}' was answered without a card: {reply.Text}");

    private async Task<(int Status, byte[] Body, int Instance)> PostAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var response = await endpoint.PostAsJsonAsync("api/messages", activity, BotJson.Options, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var instance = response.Headers.TryGetValues(RoundRobinProxy.InstanceHeader, out var values)
            ? int.Parse(values.First(), CultureInfo.InvariantCulture)
            : 0;
        return ((int)response.StatusCode, body, instance);
    }

    // An Action.Execute answer: {"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{card}}, or a
    // message: {"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"text"}.
    private static (JsonElement? Card, string? Message) InvokeAnswer(byte[] body)
    {
        if (body.Length == 0 || JsonNode.Parse(body) is not JsonObject answer)
        {
            return (null, null);
        }

        return CardJson.Text(answer["type"]) switch
        {
            ContentTypes.AdaptiveCard when answer["value"] is JsonObject card => (JsonSerializer.SerializeToElement(card), null),
            ContentTypes.ActivityMessage => (null, CardJson.Text(answer["value"])),
            _ => (null, answer.ToJsonString()),
        };
    }

    private Activity Invoke(string? verb, JsonObject data) => NewActivity(ActivityTypes.Invoke) with
    {
        Name = InvokeNames.AdaptiveCardAction,
        Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" }),
    };

    private Activity NewActivity(string type) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = connector.ServiceUrl,
        ChannelId = Channels.Msteams,
        From = new ChannelAccount { Id = "29:" + AadObjectId, Name = string.Create(CultureInfo.InvariantCulture, $"Seller {index}"), AadObjectId = AadObjectId },
        Recipient = new ChannelAccount { Id = "28:kaizalabot", Name = "KaizalaBot" },
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal", TenantId = SimulatorDemoDirectory.PartnerTenantId },
        ChannelData = JsonSerializer.SerializeToElement(new TeamsChannelData { Tenant = new TenantInfo(SimulatorDemoDirectory.PartnerTenantId) }, BotJson.Options),
        Locale = Locale,
    };

    private static string Excerpt(JsonElement card)
    {
        var text = card.GetRawText();
        return text.Length <= 400 ? text : text[..400] + "...";
    }

    private sealed record BurstAnswer(int Count, int Status, JsonElement? Card, string? Message, int Instance);
}
