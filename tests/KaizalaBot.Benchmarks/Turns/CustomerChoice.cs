using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Testing.Cards;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// Which customer a migration walk chooses on the dialog's customer card. The card lists the customers of the expiry
/// index, most urgent first, so its first rows are customers whose Kaizala Pro has already ended (nothing to migrate:
/// the dialog stops at their subscription); and a customer whose users the bot has not listed yet keeps the dialog on its
/// "listing the users" card for as long as the listing takes (paced at Partner Center's per-customer limit, about two
/// minutes per thousand users). Before a walk is measured, <see cref="LearnAsync"/> therefore walks every offered
/// customer to the end, as a seller would, and keeps those whose walk reaches the review card; measured walks then take
/// them in turn (walk by walk), which also spreads Partner Center's per-customer budget over all of them.
/// </summary>
internal sealed class CustomerChoice(string verb, CardActionStyle style)
{
    private const string CustomerIdField = "customerId";

    // Each try spends some of the customer's Partner Center budget (480 calls a minute), which its user listing needs too.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    // A card showing work in progress (the users being listed) is redrawn with its count every LiveCardInterval (2 s):
    // one that stays the same for much longer is where the walk ends for that customer (a Kaizala Pro that already ended).
    private static readonly TimeSpan DeadEndAfter = TimeSpan.FromSeconds(15);

    private IReadOnlyList<string> _usable = [];
    private IReadOnlyList<string> _left = [];

    public string Verb { get; } = verb;

    /// <summary>The customers measured walks choose from, once learnt.</summary>
    public IReadOnlyList<string> Usable => _usable;

    /// <summary>The customers offered but left out, each with why its last walk did not reach the end.</summary>
    public IReadOnlyList<string> Left => _left;

    /// <summary>The button of the walk's customer: the one it probes, else the usable ones in turn. Null when not offered.</summary>
    public (string? Verb, JsonObject Data)? Pick(WalkContext walk, JsonElement card)
    {
        var offered = CardClick.FindAll(card, Verb, style);
        var chosen = walk.Customer is { } probed
            ? offered.Where(b => CustomerOf(b.Data) == probed).ToList()
            : offered.Where(b => CustomerOf(b.Data) is { } id && _usable.Contains(id)).ToList();
        return chosen.Count == 0 ? null : chosen[walk.Number % chosen.Count];
    }

    /// <summary>
    /// Waits for the bot's customer list (the expiry index its start-up scan builds), then walks every customer it offers,
    /// all at once and again every two seconds, until each reaches the end or stays on the same card for 15 s (a dead
    /// end); once one has reached the end, the others get <paramref name="grace"/> more. Throws when the list never
    /// comes or no customer reaches the end within <paramref name="timeout"/>.
    /// </summary>
    public async Task LearnAsync(
        LoadGenerator generator, ServedProcess bot, Scenario scenario, TimeSpan timeout, TimeSpan grace, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var offered = await OfferedAsync(generator, bot, scenario, timeout, started, cancellationToken);

        using var graceOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var firstReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var walks = offered.Select(async customer =>
        {
            string? lastError = null;
            var unchangedSince = Stopwatch.GetTimestamp();
            while (!graceOver.IsCancellationRequested && Stopwatch.GetElapsedTime(started) < timeout)
            {
                var (card, error) = await generator.ProbeAsync(bot, scenario, customer, cancellationToken);
                if (error is null && scenario.IsDone(card))
                {
                    firstReached.TrySetResult();
                    return (customer, Error: (string?)null);
                }

                error ??= "the walk did not end on the card it should";
                if (error != lastError)
                {
                    (lastError, unchangedSince) = (error, Stopwatch.GetTimestamp());
                }
                else if (Stopwatch.GetElapsedTime(unchangedSince) > DeadEndAfter)
                {
                    break;   // Not a card that is waiting on something (those count progress): a dead end.
                }

                try
                {
                    await Task.Delay(PollInterval, graceOver.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }

            return (customer, Error: lastError);
        }).ToList();

        var all = Task.WhenAll(walks);
        if (await Task.WhenAny(all, firstReached.Task) == firstReached.Task)
        {
            graceOver.CancelAfter(grace);
        }

        var results = await all;
        _usable = [.. results.Where(r => r.Error is null).Select(r => r.customer)];
        _left = [.. results.Where(r => r.Error is not null).Select(r => $"{r.customer}: {r.Error}")];
        if (_usable.Count == 0)
        {
            throw new TimeoutException(
                $"No customer offered by {bot.Name} let the {scenario.Name} walk reach its end within {timeout.TotalSeconds:F0} s: "
                + string.Join("; ", _left));
        }
    }

    private async Task<IReadOnlyList<string>> OfferedAsync(
        LoadGenerator generator, ServedProcess bot, Scenario scenario, TimeSpan timeout, long started, CancellationToken cancellationToken)
    {
        var firstStep = scenario with { Steps = scenario.Steps.Take(1).ToList() };
        while (true)
        {
            var (card, error) = await generator.ProbeAsync(bot, firstStep, customer: null, cancellationToken);
            if (card is { } shown && CardClick.FindAll(shown, Verb, style).Select(b => CustomerOf(b.Data)).OfType<string>().ToList() is { Count: > 0 } offered)
            {
                return offered;
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException(
                    $"{bot.Name} offered no customer to {scenario.Name} within {timeout.TotalSeconds:F0} s: {error ?? CardTexts.Excerpt(card)}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static string? CustomerOf(JsonObject data) =>
        data[CustomerIdField] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
}
