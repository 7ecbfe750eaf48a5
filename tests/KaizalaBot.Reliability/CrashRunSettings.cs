using System.Globalization;

namespace KaizalaBot.Reliability;

/// <summary>
/// <c>crash [--runs 100] [--users 200] [--seed N] [--blob-every 3]</c>: how many kill-and-restart runs, how many users each
/// migration moves, the seed of the kill moments, and which runs use Blob on Azurite (every Nth; 0 = none).
/// </summary>
public sealed record CrashRunSettings(int Runs, int Users, int Seed, int BlobEvery)
{
    /// <summary>
    /// The CI run: three kills (the third on Blob) after the calibration run. Partner Center's 500 calls a minute per
    /// customer bound how fast users move, so CI moves 20 users per migration instead of 200 to stay near two minutes.
    /// </summary>
    public static CrashRunSettings ShortRun { get; } = new(Runs: 3, Users: 20, Seed: 20261130, BlobEvery: 3);

    public static CrashRunSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new CrashRunSettings(Runs: 100, Users: 200, Seed: Environment.TickCount, BlobEvery: 3);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--runs" => settings with { Runs = value },
                "--users" => settings with { Users = value },
                "--seed" => settings with { Seed = value },
                "--blob-every" => settings with { BlobEvery = value },
                _ => throw new ArgumentException($"Unknown option {args[i]} (crash takes --runs, --users, --seed, --blob-every)."),
            };
        }

        return settings;
    }

    public StorageKind StorageOf(int run) => BlobEvery > 0 && run % BlobEvery == 0 ? StorageKind.Blob : StorageKind.File;
}
