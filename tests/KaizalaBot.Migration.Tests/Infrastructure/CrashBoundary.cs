using System.Text.Json.Nodes;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>
/// One place a runner can be stopped: the simulator fault rules that hold the runner there (<see cref="Rules"/>, set
/// before it starts), the wait until it is held (<see cref="ReachedAsync"/>, which may change the rules on the way), and
/// what the store and Partner Center must show once it has stopped (<see cref="AssertStoppedThere"/>), so each case
/// proves it stopped at its boundary and not elsewhere.
/// </summary>
internal sealed record CrashBoundary(
    string Name, object[] Rules, Func<CrashScene, Task> ReachedAsync, Action<MigrationRecord, JsonObject, IReadOnlyList<UserOutcome>> AssertStoppedThere)
{
    public IReadOnlyDictionary<string, string?> EngineSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where Partner Center did work the stopped runner never recorded: what the resumed runner must find, not redo.</summary>
    public string? ExpectedFinding { get; init; }

    public override string ToString() => Name;
}
