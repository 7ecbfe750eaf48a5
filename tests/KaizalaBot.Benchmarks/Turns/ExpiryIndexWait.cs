using System.Diagnostics;
using System.Globalization;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// Waits until a freshly started bot has built its expiry index, the way a seller would see it: <c>expiring</c> answers
/// with a card once the index is ready and with a sentence until then. The build is the bot's start-up scan of every
/// customer (a minute of Partner Center reads at <c>Expiry:RequestsPerMinute</c>); measured cells that overlapped it
/// counted its CPU, its allocations and its Partner Center calls as the turns' own. The scan has its own benchmark.
/// </summary>
internal static class ExpiryIndexWait
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private static Scenario Expiring { get; } = new("expiring", [new SayStep("expiring", "expirations")], card => card is not null);

    public static async Task UntilReadyAsync(
        LoadGenerator generator, ServedProcess bot, TimeSpan timeout, TextWriter output, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        string? lastError = null;
        while (waited.Elapsed < timeout)
        {
            var (card, error) = await generator.ProbeAsync(bot, Expiring, customer: null, cancellationToken);
            if (card is not null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{bot.Name}: expiry index built {waited.Elapsed.TotalSeconds:F0} s after start; cells are measured after the start-up scan"));
                return;
            }

            lastError = error ?? lastError;
            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new InvalidOperationException(
            $"{bot.Name} had not built its expiry index {timeout.TotalMinutes:F0} minutes after start ({lastError ?? "expiring still answers that the list is being built"}).");
    }
}
