using System.Text.Json;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// A walk every simulated seller repeats, each time in a fresh personal conversation: steps sent strictly in order (the
/// next only once the previous one is answered), then a check that the walk ended where it should.
/// </summary>
/// <param name="Name">As named on the command line and in the results.</param>
/// <param name="Steps">The script; each step builds its activity from the previous answer.</param>
/// <param name="IsDone">Whether the last card answered ends the walk where it should; a walk that does not is an error.</param>
/// <param name="NewUserPerWalk">Each walk by a user the bot has not seen (a walk that starts by installing the app).</param>
/// <param name="Customers">
/// For the migration walks: the customer choice their customer step makes, learnt from the bot before the walk is
/// warmed up (<see cref="CustomerChoice.LearnAsync"/>).
/// </param>
internal sealed record Scenario(
    string Name, IReadOnlyList<WalkStep> Steps, Func<JsonElement?, bool> IsDone, bool NewUserPerWalk = false, CustomerChoice? Customers = null)
{
    /// <summary>The same walk for the floor: the recorded activities of one walk of the bot, replayed.</summary>
    public Scenario Replay(IReadOnlyList<Activity> transcript) =>
        new(Name, [.. transcript.Select(activity => new ReplayStep(activity))], _ => true);
}
