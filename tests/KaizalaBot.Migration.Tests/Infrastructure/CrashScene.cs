using System.Text.Json.Nodes;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>One migration a crash test stops and resumes: what the boundary's waits and assertions look at.</summary>
internal sealed record CrashScene(MigrationHarness Harness, MigrationDraft Draft, string MigrationId)
{
    public async Task<MigrationRecord> RecordAsync() =>
        await Harness.Service.GetAsync(MigrationId, CancellationToken.None) ?? throw new MigrationNotFoundException(MigrationId);

    public Task<JsonObject> TenantAsync() => Harness.TenantAsync(Draft.CustomerId);

    public Task<IReadOnlyList<UserOutcome>> OutcomesAsync() => Harness.Service.GetUserOutcomesAsync(MigrationId, CancellationToken.None);

    /// <summary>A request whose path ends with <paramref name="pathEnd"/> has been sent (and, under a hanging rule, is held).</summary>
    public Task<bool> SentAsync(string method, string pathEnd) =>
        Task.FromResult(Harness.Requests.Count(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.OrdinalIgnoreCase)) > 0);

    /// <summary>Selected users the simulator shows on the new plan without Kaizala Pro.</summary>
    public async Task<int> MovedInPartnerCenterAsync(string targetSkuId)
    {
        var selected = Draft.Users.Select(u => u.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (await TenantAsync())["users"]!.AsArray().Count(u =>
            selected.Contains(u!["id"]!.GetValue<string>())
            && u["assignedSkuIds"]!.AsArray().Select(s => s!.GetValue<string>()).ToList() is var skus
            && skus.Contains(targetSkuId, StringComparer.OrdinalIgnoreCase)
            && !skus.Contains(ExactlyOnce.KaizalaSkuId, StringComparer.OrdinalIgnoreCase));
    }

    public async Task<string> KaizalaStatusAsync() =>
        (await TenantAsync())["subscriptions"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == Draft.SourceSubscriptionId)!["status"]!.GetValue<string>();
}
