using System.Globalization;

namespace KaizalaBot.Reliability;

/// <summary>
/// <c>crash|faults|instances [--runs N] [--users N] [--seed N] [--blob-every N] [--fault-percent N] [--lanes N] [--reminder-sellers N] [--lost-answers-every N] [--only N] [--bot-debug 1]</c>:
/// how many runs, how many users each migration moves, the seed of the kill moments and of the faults, which runs use Blob
/// on Azurite (every Nth; 0 = none), the share of Partner Center's and the chat connectors' answers that fail, how many
/// lanes run side by side (<see cref="CrashRunPlan"/>), how many sellers get reminders during each run (0 = reminders
/// off), and which runs' reminder chats also lose answers of calls carried out (every Nth; 0 = none). <c>crash</c> kills
/// the bot once per run; <c>faults</c> never kills it, fails 20% of those answers and sends reminders; <c>instances</c>
/// runs two bot processes on one Azurite store and kills the one running the migration. <c>--only N</c> replays run N of
/// the seed alone (the same kill fraction and store as in the whole series, after the calibration run); <c>--bot-debug 1</c>
/// logs the bot's own categories at Debug and keeps each bot process's whole output in a file of its own (named on stderr).
/// </summary>
public sealed record CrashRunSettings(
    int Runs, int Users, int Seed, int BlobEvery, bool Kill = true, int FaultPercent = 0, bool TwoInstances = false, int Lanes = 1, int ReminderSellers = 0, int LostAnswersEvery = 0,
    int? Only = null, bool BotDebug = false)
{
    /// <summary>
    /// The CI run: three kills (the third on Blob) after the calibration run, on two lanes. Partner Center's 500 calls a
    /// minute per customer bound how fast users move, so CI moves 20 users per migration instead of 200, and two lanes
    /// (each its own simulator) end the three runs in two runs' time.
    /// </summary>
    public static CrashRunSettings ShortRun { get; } = new(Runs: 3, Users: 20, Seed: 20261130, BlobEvery: 3, Lanes: 2);

    /// <summary>
    /// The CI run of <c>faults</c>: two migrations (the second on Blob) under 20% failed answers, two sellers reminded during
    /// each, the second run's reminder chats also losing answers.
    /// </summary>
    public static CrashRunSettings FaultsShortRun { get; } =
        new(Runs: 2, Users: 20, Seed: 20261130, BlobEvery: 2, Kill: false, FaultPercent: 20, ReminderSellers: 2, LostAnswersEvery: 2);

    /// <summary>The CI run of <c>instances</c>: two migrations on Blob, each instance running one killed once the other is up.</summary>
    public static CrashRunSettings InstancesShortRun { get; } = new(Runs: 2, Users: 20, Seed: 20261130, BlobEvery: 1, TwoInstances: true);

    public string Mode => TwoInstances ? "instances" : Kill ? "crash" : "faults";

    public static CrashRunSettings Parse(string mode, IReadOnlyList<string> args)
    {
        var settings = mode switch
        {
            "faults" => new CrashRunSettings(Runs: 10, Users: 200, Seed: Environment.TickCount, BlobEvery: 3, Kill: false, FaultPercent: 20, ReminderSellers: 3, LostAnswersEvery: 2),
            "instances" => new CrashRunSettings(Runs: 10, Users: 200, Seed: Environment.TickCount, BlobEvery: 1, TwoInstances: true),
            _ => new CrashRunSettings(Runs: 100, Users: 200, Seed: Environment.TickCount, BlobEvery: 3),
        };
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--runs" => settings with { Runs = value },
                "--users" => settings with { Users = value },
                "--seed" => settings with { Seed = value },
                "--blob-every" => settings with { BlobEvery = value },
                "--fault-percent" => settings with { FaultPercent = value },
                "--lanes" when value >= 1 => settings with { Lanes = value },
                "--lanes" => throw new ArgumentException("--lanes must be at least 1."),
                "--reminder-sellers" => settings with { ReminderSellers = value },
                "--lost-answers-every" => settings with { LostAnswersEvery = value },
                "--only" when value >= 1 => settings with { Only = value },
                "--only" => throw new ArgumentException("--only must name a run number (1 or more)."),
                "--bot-debug" => settings with { BotDebug = value != 0 },
                _ => throw new ArgumentException($"Unknown option {args[i]} (--runs, --users, --seed, --blob-every, --fault-percent, --lanes, --reminder-sellers, --lost-answers-every, --only, --bot-debug)."),
            };
        }

        if (settings.Only is { } only && only > settings.Runs)
        {
            // The kill fractions are drawn in run order: run N's needs the series to reach N.
            settings = settings with { Runs = only };
        }

        return settings;
    }

    public StorageKind StorageOf(int run) => BlobEvery > 0 && run % BlobEvery == 0 ? StorageKind.Blob : StorageKind.File;

    public bool LosesAnswers(int run) => LostAnswersEvery > 0 && run % LostAnswersEvery == 0;
}
