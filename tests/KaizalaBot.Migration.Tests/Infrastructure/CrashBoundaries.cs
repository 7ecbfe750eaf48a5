using KaizalaBot.Migration.Jobs;
using static KaizalaBot.Migration.Tests.Infrastructure.MigrationHarness;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>
/// Every step boundary of a migration that buys a new subscription. <c>timeout</c> holds a request before Partner Center
/// does anything; <c>timeoutAfterProcessing</c> holds it after the work is done (the answer is lost), which is where a
/// crash hurts: the runner did something it has not recorded.
/// </summary>
internal static class CrashBoundaries
{
    public const string TargetSkuId = "3b555118-da6a-4418-894f-7df1e2096870";

    public static IReadOnlyList<CrashBoundary> All { get; } =
    [
        new("before cart creation",
            [Always("carts.create", "timeout")],
            s => Eventually.TrueAsync(() => s.SentAsync("POST", "/carts"), "the cart request"),
            (m, tenant, _) =>
            {
                Assert.Equal(MigrationState.Purchasing, m.State);
                Assert.NotNull(m.Purchase.FriendlyName);
                Assert.Null(m.Purchase.CartId);
                Assert.Empty(tenant["carts"]!.AsArray());
            }),
        new("after cart creation, its answer lost",
            [Always("carts.create", "timeoutAfterProcessing")],
            s => Eventually.TrueAsync(async () => (await s.TenantAsync())["carts"]!.AsArray().Count == 1, "the cart to exist"),
            (m, tenant, _) =>
            {
                Assert.Null(m.Purchase.CartId);
                Assert.Single(tenant["carts"]!.AsArray());
                Assert.Empty(tenant["orders"]!.AsArray());
            }),
        new("after the cart is recorded, before checkout",
            [Always("carts.checkout", "timeout")],
            s => Eventually.TrueAsync(() => s.SentAsync("POST", "/checkout"), "the checkout request"),
            (m, tenant, _) =>
            {
                Assert.NotNull(m.Purchase.CartId);
                Assert.NotNull(m.Purchase.CheckoutStartedAt);
                Assert.Empty(tenant["orders"]!.AsArray());
            }),
        new("after checkout, before the order is recorded",
            [Always("carts.checkout", "timeoutAfterProcessing")],
            s => Eventually.TrueAsync(async () => (await s.TenantAsync())["orders"]!.AsArray().Count == 1, "the order to exist"),
            (m, tenant, _) =>
            {
                Assert.Equal(MigrationState.Purchasing, m.State);
                Assert.Null(m.Purchase.OrderId);
                Assert.Single(tenant["orders"]!.AsArray());
            })
        {
            ExpectedFinding = "reconcile.purchase",
        },
        new("while awaiting provisioning",
            [Always("orders.get", "timeout")],
            s => Eventually.TrueAsync(async () => await s.SentAsync("GET", "/orders/" + (await s.RecordAsync()).Purchase.OrderId), "the order to be polled"),
            (m, _, _) =>
            {
                Assert.Equal(MigrationState.AwaitingProvisioning, m.State);
                Assert.NotNull(m.Purchase.OrderId);
                Assert.Null(m.Purchase.ProvisionedAt);
            }),
        new("before the first licence move",
            [Always("users.licenses", "timeout")],
            s => Eventually.TrueAsync(() => s.SentAsync("GET", "/licenses"), "the first licence read"),
            (m, tenant, outcomes) =>
            {
                Assert.Equal(MigrationState.MovingLicences, m.State);
                Assert.NotNull(m.Purchase.ProvisionedAt);
                Assert.Empty(outcomes);
            }),
        new("after licence moves, before their outcomes are recorded",
            [Always("users.licenseupdates", "timeoutAfterProcessing")],
            s => Eventually.TrueAsync(async () => await s.MovedInPartnerCenterAsync(TargetSkuId) == 2, "two users to be moved"),
            (m, _, outcomes) =>
            {
                Assert.Equal(MigrationState.MovingLicences, m.State);
                Assert.Empty(outcomes);
            })
        {
            // Two users at once: both moves are done and their answers held; the other users are not reached.
            EngineSettings = new Dictionary<string, string?> { ["Migration:Runner:LicenceConcurrency"] = "2" },
            ExpectedFinding = "reconcile.user",
        },
        new("after the last licence move, before suspension",
            [Always("subscriptions.get", "timeout")],
            s => Eventually.TrueAsync(async () => (await s.RecordAsync()).Suspension.StartedAt is not null, "the suspension to start"),
            (m, tenant, outcomes) =>
            {
                Assert.Equal(MigrationState.Suspending, m.State);
                Assert.NotNull(m.Licences.CompletedAt);
                Assert.All(outcomes, o => Assert.Equal(UserMoveStatus.Moved, o.Status));
                Assert.Equal("active", SourceStatus(m, tenant));
            }),
        new("after the suspension PATCH, before it is recorded",
            [Always("subscriptions.patch", "timeoutAfterProcessing")],
            s => Eventually.TrueAsync(async () => await s.KaizalaStatusAsync() == "suspended", "the subscription to be suspended"),
            (m, tenant, _) =>
            {
                Assert.Equal(MigrationState.Suspending, m.State);
                Assert.Null(m.Suspension.SuspendedAt);
                Assert.Equal("suspended", SourceStatus(m, tenant));
            })
        {
            ExpectedFinding = "reconcile.suspension",
        },
        new("during verification",
            // The suspension's first read is slowed so the verification's hold is in place before its reads begin.
            [new { endpoint = "subscriptions.get", failureRate = 0.0, kind = "timeout", latency = "00:10:00" }],
            async s =>
            {
                await Eventually.TrueAsync(async () => (await s.RecordAsync()).State == MigrationState.Suspending, "the suspension to start");

                // Step B is over: every licence read from now on is the verification's.
                var reads = s.Harness.Requests.Count(IsLicenceRead);
                await s.Harness.SetFaultRulesAsync(Always("users.licenses", "timeout"));
                await Eventually.TrueAsync(() => Task.FromResult(s.Harness.Requests.Count(IsLicenceRead) > reads), "a verification read");
            },
            (m, _, _) =>
            {
                Assert.Equal(MigrationState.Verifying, m.State);
                Assert.NotNull(m.Suspension.SuspendedAt);
                Assert.Null(m.Verification);
            }),
    ];

    public static TheoryData<string> Names => [.. All.Select(b => b.Name)];

    public static CrashBoundary Named(string name) => All.Single(b => b.Name == name);

    private static bool IsLicenceRead(Testing.Http.LoggedRequest request) => request.Path.EndsWith("/licenses", StringComparison.Ordinal);

    private static string SourceStatus(MigrationRecord m, System.Text.Json.Nodes.JsonObject tenant) =>
        tenant["subscriptions"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == m.SourceSubscriptionId)!["status"]!.GetValue<string>();
}
