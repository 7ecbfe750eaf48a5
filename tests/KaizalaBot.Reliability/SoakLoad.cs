using System.Globalization;

namespace KaizalaBot.Reliability;

/// <summary>
/// What a soak run's load did: turns (and those not answered 2xx), the message turns answered whose reply the connector
/// took, migrations, reminder scans, and every call the connector took (replies, progress cards, reminder digests).
/// </summary>
public sealed record SoakLoad(
    int Sellers,
    int Turns,
    int TurnFailures,
    int RepliesAwaited,
    int RepliesDelivered,
    int MigrationsCompleted,
    int MigrationsNotCompleted,
    int Scans,
    int ScanFailures,
    int ConnectorCalls)
{
    public int RepliesMissing => RepliesAwaited - RepliesDelivered;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Sellers} sellers, {Turns} turns ({TurnFailures} not 2xx), {RepliesDelivered} of {RepliesAwaited} replies delivered ({RepliesMissing} missing), {MigrationsCompleted} migrations completed ({MigrationsNotCompleted} not), {Scans} reminder scans ({ScanFailures} refused), {ConnectorCalls} connector calls");
}
