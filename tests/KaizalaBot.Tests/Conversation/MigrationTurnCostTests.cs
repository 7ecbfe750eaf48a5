using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using KaizalaBot.Cards;
using KaizalaBot.Dialogs.Migration.Preparation;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Tests.Support;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Storage;
using Xunit.Abstractions;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// No turn waits on one Partner Center call per user: on the demo world's 1,500-user customer (minutes of licence reads
/// under Partner Center's throttle) every step answers while the users are still being read, and the waiting card is
/// redrawn in place as the read progresses. Turn times are printed, not asserted (the benchmark harnesses own speed).
/// </summary>
public sealed partial class MigrationTurnCostTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(CardStyle.Execute)]
    [InlineData(CardStyle.Submit)]
    public async Task Migrate_LargeCustomer_EveryStepAnswersWhileUsersAreReadAndTheWaitingCardProgressesInPlace(CardStyle style)
    {
        var customer = await _world.LargestKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, style);
        await seller.InstallAsync();
        var timings = new List<(string Step, TimeSpan Took)>();
        async Task TimedAsync(string step, Func<Task> turn)
        {
            var watch = Stopwatch.StartNew();
            await turn();
            timings.Add((step, watch.Elapsed));
        }

        await TimedAsync("migrate", () => seller.TypeAsync($"migrate {customer.Name}"));
        await TimedAsync("customer", () => seller.ClickAsync(CardVerbs.ChooseCustomer, d => MigrationWalkThrough.Is(d, "customerId", customer.Id)));
        await TimedAsync("subscription", () => seller.ClickAsync(CardVerbs.ChooseSubscription, d => MigrationWalkThrough.Is(d, "subscriptionId", customer.KaizalaSubscriptionId)));
        await TimedAsync("plan", () => seller.ClickAsync(CardVerbs.ChoosePlan, d => MigrationWalkThrough.Is(d, "choice", "recommended")));
        await TimedAsync("licence count", () => seller.ClickAsync(
            CardVerbs.SetLicenceCount, inputs: new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["licenceCount"] = MigrationWalkThrough.DefaultCount(seller.Current!) }));
        var read = await ReadAsync(customer.Id);

        Assert.True(seller.Current!.HasVerb(CardVerbs.Refresh), seller.Current.Text);
        Assert.False(seller.Current.HasVerb(CardVerbs.ExcludeUser));
        Assert.Equal(PreparationStatus.Running, read!.Status);
        Assert.True(read.Total == 0 || read.Done < read.Total, $"{read.Done} of {read.Total} already read");
        var redrawn = await seller.WaitForUpdateAsync(c => LicencesRead(c) > 0, "the waiting card to show users read");
        Assert.Matches(@"of 1,\d{3} licences read", redrawn.Text);
        await TimedAsync("check again", () => seller.ClickAsync(CardVerbs.Refresh));
        Assert.True(seller.Current!.HasVerb(CardVerbs.Refresh), seller.Current.Text);
        Assert.True((await ReadAsync(customer.Id))!.Status == PreparationStatus.Running);
        foreach (var (step, took) in timings)
        {
            output.WriteLine($"{style} {step}: {took.TotalMilliseconds:F0} ms");
        }
    }

    // The listing's progress as the background read keeps it (its value, once ready, is the number of holders).
    private async Task<PreparedRead<int>?> ReadAsync(string customerId) =>
        (await _world.Storage.ReadAsync<PreparedRead<int>>(UserListPreparer.Key(customerId), BotJson.Options, CancellationToken.None))?.Value;

    private static int LicencesRead(ShownCard card) =>
        ReadCount().Match(card.Text) is { Success: true } match ? int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-US")) : 0;

    [GeneratedRegex(@": ([\d,]+) of [\d,]+ licences read")]
    private static partial Regex ReadCount();
}
