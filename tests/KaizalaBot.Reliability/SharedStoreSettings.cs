using System.Globalization;

namespace KaizalaBot.Reliability;

/// <summary>
/// <c>shared [--sellers N] [--walks N] [--burst N] [--scans N] [--no-etags 1] [--no-leases 1]</c>: two bot processes on one Azurite
/// container behind a round-robin proxy. Each of <c>--sellers</c> sellers walks the migration dialog <c>--walks</c> times
/// in their personal chat, answering the licence count with <c>--burst</c> clicks at once; meanwhile a reminder scan is
/// asked of both instances at the same moment <c>--scans</c> times. <c>--no-etags 1</c> puts the bots behind a proxy
/// that drops every ETag condition (<see cref="ConditionStrippingProxy"/>), <c>--no-leases 1</c> one that grants every
/// lease to whoever asks: such runs must fail.
/// </summary>
public sealed record SharedStoreSettings(int Sellers, int Walks, int Burst, int ScanRounds, bool WithoutETags = false, bool WithoutLeases = false)
{
    /// <summary>The CI run: 6 sellers (three in French), one walk each with a burst of 4, 3 double scans.</summary>
    public static SharedStoreSettings ShortRun { get; } = new(Sellers: 6, Walks: 1, Burst: 4, ScanRounds: 3);

    /// <summary>The on-demand run: 640 walks, a double scan every 2 s for about two minutes.</summary>
    public static SharedStoreSettings Default { get; } = new(Sellers: 32, Walks: 20, Burst: 6, ScanRounds: 60);

    /// <summary>Between two double scans: the scans overlap the walks, and each finds the other instance's cycle under way or just done.</summary>
    public static TimeSpan ScanPause { get; } = TimeSpan.FromSeconds(2);

    public static SharedStoreSettings Parse(IReadOnlyList<string> args)
    {
        var settings = Default;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--sellers" => settings with { Sellers = value },
                "--walks" => settings with { Walks = value },
                "--burst" => settings with { Burst = value },
                "--scans" => settings with { ScanRounds = value },
                "--no-etags" => settings with { WithoutETags = value != 0 },
                "--no-leases" => settings with { WithoutLeases = value != 0 },
                _ => throw new ArgumentException($"Unknown option {args[i]} (--sellers, --walks, --burst, --scans, --no-etags, --no-leases)."),
            };
        }

        return settings is { Sellers: > 0, Walks: > 0, Burst: >= 2, ScanRounds: > 0 }
            ? settings
            : throw new ArgumentException("Sellers, walks and scans must be positive and a burst at least 2 clicks.");
    }
}
