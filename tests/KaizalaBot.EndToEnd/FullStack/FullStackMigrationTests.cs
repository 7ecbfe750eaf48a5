using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KaizalaBot.EndToEnd.FullStack;

/// <summary>
/// The whole product on real processes, seen by a seller in the Agents Playground: the bot installs and welcomes, a
/// reminder arrives when a scan is triggered, the seller presses its <i>Start migration</i> for one customer and walks
/// the cards from the plan to the confirmation; the bot is killed (SIGKILL) in the middle of step B and started again;
/// the migration finishes once, the progress card goes on in place, and the simulator shows one purchase, every
/// selected user moved and the old subscription suspended once. A screenshot of each card is kept in
/// <c>artifacts/full-stack</c>.
/// </summary>
public sealed partial class FullStackMigrationTests
{
    // Alpine Ski House SAS: the demo world's smallest customer inside a reminder lead time (25 days left): 9 users,
    // three of them on Kaizala Pro, two of those without a usage location (Partner Center would refuse to move them).
    private const string Customer = "Alpine Ski House SAS";
    private const string KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a";
    private const string Mover = "Léa Leroy";
    private static readonly string[] Excluded = ["Wei Tremblay", "Yasmine Evans"];

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Run = TimeSpan.FromMinutes(3);

    private static readonly Dictionary<string, string> SimulatorSettings = new()
    {
        ["ProvisioningDelay"] = "00:00:05",
    };

    private static readonly Dictionary<string, string> BotSettings = new()
    {
        // Every subscription due in one card, so that the small customer above is on it.
        ["Reminders:MaxItemsPerCard"] = "10",

        // The shortest lease Blob storage grants: after the kill, the restarted runner takes the migration over in 15 s.
        ["Migration:Runner:LeaseDuration"] = "00:00:15",
        ["Migration:Runner:ProvisioningPollInterval"] = "00:00:05",

        // Every stage on the progress card as it is reached, so that the 5 s wait for provisioning is surely shown.
        ["Migration:Runner:ProgressInterval"] = "00:00:00",
    };

    [Fact]
    public async Task Playground_WelcomeReminderThenMigrationWithBotKilledInB_MigratesOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var ct = timeout.Token;
        await using var world = await FullStackWorld.StartAsync(SimulatorSettings, BotSettings, ct);
        var browser = world.Browser;
        Task<string> WaitForCardAsync(string text, TimeSpan? limit = null) => CardTextAsync(browser.RunAsync(
            new { op = "waitForCard", text, timeout = (int)(limit ?? Step).TotalMilliseconds }, limit ?? Step, ct));
        Task ClickAsync(string title, string card, string? section = null) =>
            browser.RunAsync(new { op = "click", title, card, section }, Step, ct);
        Task ShootAsync(string name, string card) => browser.RunAsync(new { op = "screenshot", name, card }, Step, ct);

        // Install -> welcome.
        var welcome = await WaitForCardAsync("Welcome to KaizalaBot");
        Assert.Contains("A. Buy the replacement subscription", welcome, StringComparison.Ordinal);
        await ShootAsync("01-welcome", "Welcome to KaizalaBot");

        // A reminder, from the Development trigger the README documents.
        await world.TriggerReminderScanAsync(ct);
        var reminder = await WaitForCardAsync(Customer, TimeSpan.FromSeconds(90));
        Assert.StartsWith("Kaizala Pro subscriptions about to lapse", reminder, StringComparison.Ordinal);
        await ShootAsync("02-reminder", Customer);
        var customer = await CustomerAsync(world, ct);
        var customerId = customer["customer"]!["id"]!.GetValue<string>();
        var subscriptionsBefore = customer["tenant"]!["subscriptions"]!.AsArray().Count;
        var kaizalaSubscriptionId = KaizalaSubscription(customer["tenant"]!)["id"]!.GetValue<string>();
        Assert.Empty(customer["tenant"]!["orders"]!.AsArray());

        // The reminder's own Start migration, on the row of that customer: the dialog opens at the plan step on that
        // customer and its Kaizala Pro subscription, with nothing to type or choose again.
        await ClickAsync("Start migration", Customer, section: Customer);
        await WaitForCardAsync($"Which plan for {Customer}?");
        await ShootAsync("03-plan", "Which plan for");
        await ClickAsync("Choose this plan", "Which plan for");     // the other plans' first: Microsoft 365 Business Basic

        var count = await WaitForCardAsync("Licences to buy");
        Assert.Contains("Licences of Microsoft 365 Business Basic", count, StringComparison.Ordinal);
        await ShootAsync("04-count", "Licences to buy");
        await ClickAsync("Continue", "Licences to buy");

        var users = await WaitForCardAsync("3 of the 3 users holding Kaizala Pro will move");
        Assert.Contains("No usage location", users, StringComparison.Ordinal);
        await ShootAsync("05-users", "Who moves at");
        await ClickAsync("Exclude", "Who moves at", section: Excluded[0]);
        await WaitForCardAsync("2 of the 3 users holding Kaizala Pro will move");
        await ClickAsync("Exclude", "Who moves at", section: Excluded[1]);
        await WaitForCardAsync("1 of the 3 users holding Kaizala Pro will move");
        await ClickAsync("Continue", "Who moves at");

        var review = await WaitForCardAsync($"Review the migration of {Customer}");
        Assert.Contains("Buy 3 licences of Microsoft 365 Business Basic as a new subscription", review, StringComparison.Ordinal);
        Assert.Contains("Move 1 user from", review, StringComparison.Ordinal);
        await ShootAsync("06-review", "Review the migration of");

        // B slow enough to be killed in: every licence update waits 15 s in the simulator before it is done.
        await world.SetFaultsAsync(Faults(latency: "00:00:15"), ct);
        await ClickAsync("Confirm and start", "Review the migration of");
        var progress = await WaitForCardAsync("Migration id");
        var migrationId = MigrationId().Match(progress).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(migrationId), progress);
        Assert.Contains(kaizalaSubscriptionId, progress, StringComparison.Ordinal);    // the reminder's subscription
        await ShootAsync("07-progress", migrationId);

        // Bought, not yet provisioned: Partner Center has given the order but no subscription id yet; the card names
        // that order.
        var provisioning = await WaitForCardAsync("Bought 3 licences (order ", Run);
        var order = Assert.Single((await world.CustomerAsync(customerId, ct))["tenant"]!["orders"]!.AsArray())!;
        Assert.Contains($"Bought 3 licences (order {order["id"]!.GetValue<string>()})", provisioning, StringComparison.Ordinal);
        await ShootAsync("08-provisioning", migrationId);

        // Kill the bot in the middle of B: the purchase is done, the licence update under way, nothing suspended.
        await WaitForCardAsync("Moving users: 0 of 1", Run);
        await ShootAsync("09-moving-users", migrationId);
        await world.KillBotAsync();
        var midB = (await world.CustomerAsync(customerId, ct))["tenant"]!;
        Assert.Single(midB["orders"]!.AsArray());
        Assert.Equal("active", KaizalaSubscription(midB)["status"]!.GetValue<string>());
        await world.SetFaultsAsync(Faults(latency: "00:00:00"), ct);

        await world.StartBotAsync(ct);
        var summary = await WaitForCardAsync("Partner Center deprovisions it on", Run);
        Assert.Contains("Users moved: 1 of 1", summary, StringComparison.Ordinal);
        await ShootAsync("10-summary", "Partner Center deprovisions it on");

        // The progress card went on in place: one card for the migration besides the summary, both completed.
        var cards = (await browser.RunAsync(new { op = "cards" }, Step, ct))["cards"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var migrationCards = cards.Where(c => c.Contains(migrationId, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, migrationCards.Count);
        Assert.All(migrationCards, c => Assert.Contains("Completed", c, StringComparison.Ordinal));
        await browser.RunAsync(new { op = "screenshot", name = "11-chat" }, Step, ct);

        // The simulator: one purchase, every selected user moved, the others untouched, Kaizala Pro suspended.
        var tenant = (await world.CustomerAsync(customerId, ct))["tenant"]!;
        Assert.Single(tenant["orders"]!.AsArray());
        Assert.Equal(subscriptionsBefore + 1, tenant["subscriptions"]!.AsArray().Count);
        Assert.Equal("suspended", KaizalaSubscription(tenant)["status"]!.GetValue<string>());
        Assert.DoesNotContain(KaizalaSkuId, SkusOf(tenant, Mover));
        Assert.Contains(SkusOf(tenant, Mover), sku => sku != KaizalaSkuId);
        Assert.All(Excluded, name => Assert.Contains(KaizalaSkuId, SkusOf(tenant, name)));

        // Once: the audit trail shows one checkout and one suspension.
        var audit = await world.AuditAsync(migrationId, ct);
        Assert.Single(audit, e => Is(e, "operation", "carts.checkout") && Is(e, "status", "succeeded"));
        Assert.Single(audit, e => Is(e, "operation", "subscriptions.patch") && Is(e, "status", "succeeded"));
    }

    private static object Faults(string latency) => new
    {
        seed = 1,
        requestsPerMinute = 500,
        timeoutDuration = "00:00:30",
        rules = new[] { new { endpoint = "users.licenseupdates", failureRate = 0.0, kind = "serverError", latency } },
    };

    private static async Task<string> CardTextAsync(Task<JsonObject> answer) => (await answer)["card"]!.GetValue<string>();

    private static async Task<JsonObject> CustomerAsync(FullStackWorld world, CancellationToken ct)
    {
        var state = await world.SimulatorStateAsync(ct);
        var id = state["customers"]!.AsArray().Single(c => c!["companyName"]!.GetValue<string>() == Customer)!["id"]!.GetValue<string>();
        return await world.CustomerAsync(id, ct);
    }

    private static JsonNode KaizalaSubscription(JsonNode tenant) =>
        tenant["subscriptions"]!.AsArray().Single(s => s!["offerName"]!.GetValue<string>() == "Kaizala Pro")!;

    private static List<string> SkusOf(JsonNode tenant, string displayName) =>
        tenant["users"]!.AsArray().Single(u => u!["displayName"]!.GetValue<string>() == displayName)!["assignedSkuIds"]!
            .AsArray().Select(s => s!.GetValue<string>()).ToList();

    private static bool Is(JsonObject entry, string property, string value) =>
        string.Equals(entry[property]?.GetValue<string>(), value, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"Migration id ([0-9a-f]{8,})")]
    private static partial Regex MigrationId();
}
