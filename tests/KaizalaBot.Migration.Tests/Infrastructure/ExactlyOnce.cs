using System.Text.Json.Nodes;
using KaizalaBot.Migration.Audit;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>
/// What "exactly once" means for a finished migration, read from the simulator's state and the audit trail: every
/// selected user holds the new licence and not Kaizala Pro, the purchase happened once, the Kaizala subscription was
/// suspended by one PATCH, and the audit accounts for every change — as a call that succeeded, or as a call whose
/// answer was lost (<c>started</c>) and whose effect the resumed runner found (<c>reconcile.*</c>).
/// </summary>
internal static class ExactlyOnce
{
    public const string KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a";

    /// <summary>A migration that bought a new subscription.</summary>
    public static async Task AssertBoughtOnceAsync(MigrationHarness harness, MigrationRecord done, MigrationDraft draft, string targetSkuId)
    {
        var tenant = await harness.TenantAsync(done.CustomerId);
        Assert.Single(tenant["orders"]!.AsArray());
        Assert.Single(tenant["subscriptions"]!.AsArray(), s => s!["friendlyName"]!.GetValue<string>() == done.Purchase.FriendlyName);
        var audit = await harness.Audit.ReadAsync(done.Id, CancellationToken.None);
        Assert.True(
            audit.Count(e => e.Operation == "carts.checkout" && e.Status == "succeeded") == 1
                || (audit.Any(e => e.Operation == "carts.checkout" && e.Status == "started") && audit.Any(e => e.Operation == "reconcile.purchase")),
            "The checkout is on record: succeeded, or started and found again by its friendly name.");
        await AssertMovedAndSuspendedOnceAsync(harness, done, draft, targetSkuId, tenant, audit);
    }

    /// <summary>Users moved, Kaizala Pro suspended once, the audit complete (any purchase kind).</summary>
    public static async Task AssertMovedAndSuspendedOnceAsync(
        MigrationHarness harness, MigrationRecord done, MigrationDraft draft, string targetSkuId, JsonObject? tenant = null,
        IReadOnlyList<AuditEntry>? audit = null)
    {
        tenant ??= await harness.TenantAsync(done.CustomerId);
        audit ??= await harness.Audit.ReadAsync(done.Id, CancellationToken.None);
        var users = tenant["users"]!.AsArray().Select(u => u!.AsObject()).ToDictionary(u => u["id"]!.GetValue<string>());
        foreach (var user in draft.Users)
        {
            var skus = users[user.Id]["assignedSkuIds"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
            Assert.Contains(targetSkuId, skus, StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotContain(KaizalaSkuId, skus, StringComparer.OrdinalIgnoreCase);
            Assert.True(
                audit.Any(e => e.Target == user.Id && ((e.Operation == "users.licenseupdates" && e.Status == "succeeded")
                    || (e.Operation == "reconcile.user" && e.Status == "alreadyMoved"))),
                $"The move of user {user.Id} is on record.");
        }

        var kaizala = tenant["subscriptions"]!.AsArray().Select(s => s!.AsObject()).Single(s => s["id"]!.GetValue<string>() == done.SourceSubscriptionId);
        Assert.Equal("suspended", kaizala["status"]!.GetValue<string>());
        Assert.Single(audit, e => e.Operation == "subscriptions.patch" && e.Status == "started" && e.Target == done.SourceSubscriptionId);
        Assert.Contains(audit, e => e.Target == done.SourceSubscriptionId
            && ((e.Operation == "subscriptions.patch" && e.Status == "succeeded") || e.Operation == "reconcile.suspension"));

        Assert.All(audit.Where(e => e.Kind == AuditKind.PartnerCenterCall), e =>
        {
            Assert.Equal(done.CorrelationId, e.CorrelationId);
            Assert.NotNull(e.RequestId);
            Assert.Equal(draft.Seller, e.Actor);
        });
        Assert.Contains(audit, e => e.Operation == "migration.state" && e.Status == done.State.ToString());
    }
}
