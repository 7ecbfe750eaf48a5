using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Migration.Audit;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.EndToEnd;

/// <summary>
/// A seller's whole migration as a person does it: in the Agents Playground driven in headless Chromium, from
/// <c>migrate</c> to the summary card, clicking the cards' buttons (Action.Execute, so each answer replaces the clicked
/// card and the progress card is updated in place), against the Partner Center simulator the Development host mounts.
/// Partner Center's state is checked afterwards; a screenshot of every card is kept under <c>screenshots/migration-*</c>.
/// </summary>
[Collection(PlaygroundRuns.Name)]
public sealed class PlaygroundMigrationTests(PlaygroundHost host) : IClassFixture<PlaygroundHost>
{
    private const string KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a";

    // The Playground's own user, as it sends it (Development entitles exactly this user to migrate).
    private static readonly SellerIdentity PlaygroundUser = new("00000000-0000-0000-0000-0000000000001", "00000000-0000-0000-0000-0000000000020", "Alex Wilber");

    [Fact]
    public async Task Playground_MigrateASmallCustomerByClickingTheCards_BuysOnceMovesEveryHolderSuspendsKaizalaAndShowsTheSummary()
    {
        using var inspection = new HttpClient { BaseAddress = host.SimulatorRoot };
        var customer = await SmallUniquelyNamedKaizalaCustomerAsync(inspection);
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        JsonArray steps =
        [
            Step(say: $"migrate {customer.Name}", expectButton: "Choose", shot: "migration-1-customer.png"),
            Step(click: "Choose", expectButton: "Migrate this subscription", shot: "migration-2-subscription.png"),
            Step(click: "Migrate this subscription", expectButton: "Choose the recommended plan", shot: "migration-3-plan.png"),
            Step(click: "Choose the recommended plan", expect: "Step 4 of 6", shot: "migration-4-licence-count.png"),
            Step(click: "Continue", expect: "holding Kaizala Pro will move", shot: "migration-5-users.png",
                whileWaiting: ("Continue to choose who moves", "Continue")),
            Step(click: "Continue", expectButton: "Confirm and start", shot: "migration-6-review.png"),
            Step(click: "Confirm and start", expect: "Migration of", shot: "migration-7-progress.png"),
            Step(expect: "Users moved:", shot: "migration-8-summary.png", timeoutMs: 90_000),
        ];

        var output = await NodeTool.RunAsync(
            "playwright", "playground-steps.js", steps.ToJsonString(), CancellationToken.None,
            host.PlaygroundUrl.ToString(), screenshots, host.ChromiumPath);

        var shown = JsonDocument.Parse(output).RootElement;
        var after = shown.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Contains(customer.Name, after[0], StringComparison.Ordinal);
        Assert.Contains($"Review the migration of {customer.Name}", after[5], StringComparison.Ordinal);
        Assert.StartsWith("Migration of", after[6], StringComparison.Ordinal);
        Assert.Contains("Completed", after[7], StringComparison.Ordinal);

        // Every step replaced the card clicked, down to the migration's card, which was then updated in place to its
        // end; the summary is the one message after it: the welcome, that card and the summary are all there is.
        var cards = shown.GetProperty("cards").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(3, cards.Count);
        Assert.StartsWith("Welcome to KaizalaBot", cards[0], StringComparison.Ordinal);
        Assert.All(cards[1..], c => Assert.Contains("Completed", c, StringComparison.Ordinal));
        Assert.Contains("Users moved:", cards[2], StringComparison.Ordinal);

        var migration = Assert.Single(await host.Services.GetRequiredService<MigrationService>().ListBySellerAsync(PlaygroundUser, CancellationToken.None));
        Assert.Equal(MigrationState.Completed, migration.State);
        Assert.Equal(customer.Id, migration.CustomerId);
        var audit = await host.Services.GetRequiredService<AuditTrail>().ReadAsync(migration.Id, CancellationToken.None);
        var tenant = await TenantAsync(inspection, customer.Id);
        string boughtSku;
        if (migration.PurchaseKind == PurchaseKind.AddSeats)
        {
            Assert.Equal(customer.Orders, tenant["orders"]!.AsArray().Count);
            Assert.Equal(migration.LicenceCount > 0 ? 1 : 0, audit.Count(e => e.Operation == "subscriptions.patch" && e.Status == "succeeded" && e.Target == migration.ExistingSubscriptionId));
            boughtSku = Subscription(tenant, migration.ExistingSubscriptionId!)["skuId"]!.GetValue<string>();
        }
        else
        {
            Assert.Equal(customer.Orders + 1, tenant["orders"]!.AsArray().Count);
            Assert.Single(audit, e => e.Operation == "carts.checkout" && e.Status == "succeeded");
            boughtSku = Assert.Single(Subscriptions(tenant), s => s["friendlyName"]!.GetValue<string>().EndsWith(migration.Id, StringComparison.Ordinal))["skuId"]!.GetValue<string>();
        }

        Assert.Equal("suspended", Subscription(tenant, customer.KaizalaSubscriptionId)["status"]!.GetValue<string>());
        Assert.Single(audit, e => e.Operation == "subscriptions.patch" && e.Status == "succeeded" && e.Target == customer.KaizalaSubscriptionId);
        var holders = Users(tenant).Where(u => customer.HolderIds.Contains(u["id"]!.GetValue<string>())).ToList();
        Assert.Equal(customer.HolderIds.Count, holders.Count);
        Assert.All(holders, user =>
        {
            var skus = user["assignedSkuIds"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
            Assert.DoesNotContain(KaizalaSkuId, skus);
            Assert.Contains(boughtSku, skus);
        });
        Assert.All(Enumerable.Range(1, 8), n => Assert.Single(Directory.GetFiles(screenshots, $"migration-{n}-*.png")));
    }

    private static JsonObject Step(
        string? say = null, string? click = null, string? expect = null, string? expectButton = null, string? shot = null,
        (string Text, string Click)? whileWaiting = null, int? timeoutMs = null)
    {
        var step = new JsonObject();
        void Set(string name, JsonNode? value)
        {
            if (value is not null)
            {
                step[name] = value;
            }
        }

        Set("say", say);
        Set("click", click);
        Set("expect", expect);
        Set("expectButton", expectButton);
        Set("shot", shot);
        Set("timeoutMs", timeoutMs);
        Set("whileWaiting", whileWaiting is { } w ? new JsonObject { ["text"] = w.Text, ["click"] = w.Click } : null);
        return step;
    }

    /// <summary>
    /// A commercial customer of the demo world with an active Kaizala Pro subscription, a few holders who can all be
    /// licensed (usage location set), and a name no other customer's name or domain starts with, so <c>migrate name</c>
    /// offers exactly it.
    /// </summary>
    private static async Task<PlaygroundCustomer> SmallUniquelyNamedKaizalaCustomerAsync(HttpClient inspection)
    {
        var state = (await inspection.GetFromJsonAsync<JsonObject>("_simulator/state"))!;
        var customers = state["customers"]!.AsArray().Select(c => c!.AsObject()).ToList();
        bool Unique(JsonObject candidate)
        {
            var name = candidate["companyName"]!.GetValue<string>();
            return customers.Where(c => c != candidate).All(c =>
                !c["companyName"]!.GetValue<string>().StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && c["domain"]?.GetValue<string>()?.StartsWith(name, StringComparison.OrdinalIgnoreCase) != true);
        }

        foreach (var customer in customers.Where(c => c["hasKaizala"]!.GetValue<bool>() && c["segment"]!.GetValue<string>() == "commercial" && Unique(c)))
        {
            var id = customer["id"]!.GetValue<string>();
            var tenant = await TenantAsync(inspection, id);
            var kaizala = Subscriptions(tenant).FirstOrDefault(s => s["skuId"]!.GetValue<string>() == KaizalaSkuId
                && s["status"]!.GetValue<string>() == "active" && s["commitmentEndDate"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddDays(20));
            var holders = Users(tenant).Where(u => u["assignedSkuIds"]!.AsArray().Any(s => s!.GetValue<string>() == KaizalaSkuId)).ToList();
            if (kaizala is not null && holders.Count is > 0 and <= 8 && holders.All(u => u["usageLocation"] is not null) && Users(tenant).Count() <= 40)
            {
                return new PlaygroundCustomer(
                    id, customer["companyName"]!.GetValue<string>(), kaizala["id"]!.GetValue<string>(),
                    [.. holders.Select(u => u["id"]!.GetValue<string>())], tenant["orders"]!.AsArray().Count);
            }
        }

        throw new InvalidOperationException("The demo world has no small, uniquely named Kaizala Pro customer whose holders can all be licensed.");
    }

    private static async Task<JsonObject> TenantAsync(HttpClient inspection, string customerId) =>
        (await inspection.GetFromJsonAsync<JsonObject>($"_simulator/customers/{customerId}"))!["tenant"]!.AsObject();

    private static IEnumerable<JsonObject> Subscriptions(JsonObject tenant) => tenant["subscriptions"]!.AsArray().Select(s => s!.AsObject());

    private static IEnumerable<JsonObject> Users(JsonObject tenant) => tenant["users"]!.AsArray().Select(u => u!.AsObject());

    private static JsonObject Subscription(JsonObject tenant, string id) => Subscriptions(tenant).Single(s => s["id"]!.GetValue<string>() == id);
}
