using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Testing.Cards;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// Which customer a migration walk takes. The bot paces Partner Center calls per customer (480 a minute plus a burst of
/// 10, Partner Center's own limit), and a walk makes several, so walks that share a few customers are paced by their
/// budget, not by the bot. The run therefore seeds the simulator with many Kaizala Pro customers, takes the ones with the
/// fewest users (<see cref="WalkCustomer.SmallestAsync"/>), and gives each seller its own slice of them, walk after walk
/// (<see cref="For"/>); a walk reaches its customer by the typed search (<see cref="SearchStep"/>). Before a walk is
/// measured, <see cref="LearnAsync"/> walks every customer to the end, as a seller would, which also has the bot list
/// their users, and keeps those whose walk reaches the review card.
/// </summary>
internal sealed class CustomerChoice(string verb, CardActionStyle style)
{
    private const string CustomerIdField = "customerId";

    // Each try spends some of the customer's Partner Center budget (480 calls a minute), which its user listing needs too.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    // A card showing work in progress (the users being listed) is redrawn with its count every LiveCardInterval (2 s):
    // one that stays the same for much longer is where the walk ends for that customer.
    private static readonly TimeSpan DeadEndAfter = TimeSpan.FromSeconds(20);

    private IReadOnlyList<WalkCustomer> _usable = [];
    private IReadOnlyList<string> _left = [];

    public string Verb { get; } = verb;

    /// <summary>The customers measured walks take, once learnt.</summary>
    public IReadOnlyList<WalkCustomer> Usable => _usable;

    /// <summary>The customers left out, each with why its last walk did not reach the end.</summary>
    public IReadOnlyList<string> Left => _left;

    /// <summary>
    /// The walk's customer: the one it probes, else the next of its seller's own slice (seller i of n takes customers i,
    /// i + n, i + 2n, …), so no two sellers share a customer while there are at least as many customers as sellers.
    /// </summary>
    public WalkCustomer For(WalkContext walk) =>
        walk.Customer ?? (_usable.Count == 0
            ? throw new WalkBrokenException("No customer learnt for the migration walk.")
            : _usable[(walk.Seller.Index + (walk.SellerWalk * walk.Sellers)) % _usable.Count]);

    /// <summary>The button of the walk's customer on the customer card, or null when not offered.</summary>
    public (string? Verb, JsonObject Data)? Pick(WalkContext walk, JsonElement card)
    {
        var id = For(walk).Id;
        return CardClick.FindAll(card, Verb, style).FirstOrDefault(b => CustomerOf(b.Data) == id) is { Data: not null } found ? found : null;
    }

    /// <summary>
    /// Walks every candidate to the end, all at once and again every few seconds, until each reaches the review card or
    /// stays on the same card for <see cref="DeadEndAfter"/> (a dead end) or <paramref name="timeout"/> passes. Throws when
    /// none reaches the end.
    /// </summary>
    public async Task LearnAsync(
        LoadGenerator generator, ServedProcess bot, Scenario scenario, IReadOnlyList<WalkCustomer> candidates, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(candidates.Select(async customer =>
        {
            string? lastError = null;
            var unchangedSince = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < timeout)
            {
                var (card, error) = await generator.ProbeAsync(bot, scenario, customer, cancellationToken);
                if (error is null && scenario.IsDone(card))
                {
                    return (customer, Error: (string?)null);
                }

                error ??= "the walk did not end on the card it should: " + CardTexts.Excerpt(card);
                if (error != lastError)
                {
                    (lastError, unchangedSince) = (error, Stopwatch.GetTimestamp());
                }
                else if (Stopwatch.GetElapsedTime(unchangedSince) > DeadEndAfter)
                {
                    break;   // Not a card that is waiting on something (those count progress): a dead end.
                }

                await Task.Delay(PollInterval, cancellationToken);
            }

            return (customer, Error: lastError);
        }));

        _usable = [.. results.Where(r => r.Error is null).Select(r => r.customer)];
        _left = [.. results.Where(r => r.Error is not null).Select(r => $"{r.customer.Domain} ({r.customer.Users} users): {r.Error}")];
        if (_usable.Count == 0)
        {
            throw new TimeoutException(
                $"No customer let the {scenario.Name} walk on {bot.Name} reach its end within {timeout.TotalSeconds:F0} s: " + string.Join("; ", _left));
        }
    }

    private static string? CustomerOf(JsonObject data) =>
        data[CustomerIdField] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
}
