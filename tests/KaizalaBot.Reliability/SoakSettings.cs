using System.Globalization;

namespace KaizalaBot.Reliability;

/// <summary>
/// <c>soak [--minutes N] [--warmup-seconds N] [--sample-seconds N] [--users N] [--scan-seconds N] [--sellers N] [--pause-ms N]</c>: how
/// long the bot runs under load, how much of the start is left out of the trend (JIT, tiered compilation, caches and the
/// GC's heap sizing settle there), how often the bot process is sampled, how many users each migration moves, how often a
/// reminder scan is asked for, how many sellers talk to the bot, each in their own chat, and their mean pause between two
/// turns.
/// </summary>
public sealed record SoakSettings(TimeSpan Duration, TimeSpan WarmUp, TimeSpan SampleEvery, int Users, TimeSpan ScanEvery, int Sellers, TimeSpan TurnPause)
{
    /// <summary>
    /// The on-demand run the issue asks for: 30 minutes, the first 5 left out of the trend; 100 sellers reading each answer
    /// for 4 to 12 s (about 12 turns a second in all), so that no chat comes near Teams' per-conversation limits (one turn
    /// in 8 s is 225 replies in half an hour, against 1,800 an hour) and the whole stays under its 50 sends a second per tenant.
    /// </summary>
    public static SoakSettings Default { get; } = new(
        TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5), Users: 20, ScanEvery: TimeSpan.FromMinutes(1),
        Sellers: 100, TurnPause: TimeSpan.FromSeconds(8));

    /// <summary>
    /// The largest rise over the measured span (slope times that span) that still counts as flat. Resident memory moves by
    /// tens of MB with each full collection of a server-GC heap, so its bound is set above that saw-tooth; a thread or a
    /// handle per minute would show within half an hour.
    /// </summary>
    public static SoakBounds Bounds { get; } = new(RssBytes: 48L * 1024 * 1024, Threads: 4, Handles: 16);

    public static SoakSettings Parse(IReadOnlyList<string> args)
    {
        var settings = Default;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--minutes" => settings with { Duration = TimeSpan.FromMinutes(value) },
                "--warmup-seconds" => settings with { WarmUp = TimeSpan.FromSeconds(value) },
                "--sample-seconds" => settings with { SampleEvery = TimeSpan.FromSeconds(value) },
                "--users" => settings with { Users = value },
                "--scan-seconds" => settings with { ScanEvery = TimeSpan.FromSeconds(value) },
                "--sellers" => settings with { Sellers = value },
                "--pause-ms" => settings with { TurnPause = TimeSpan.FromMilliseconds(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]} (--minutes, --warmup-seconds, --sample-seconds, --users, --scan-seconds, --sellers, --pause-ms)."),
            };
        }

        return settings.WarmUp >= settings.Duration ? throw new ArgumentException("The warm-up must be shorter than the run.")
            : settings.Sellers < 1 ? throw new ArgumentException("At least one seller must talk to the bot.")
            : settings;
    }
}
