using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>
/// <em>Preview</em>: every pre-flight check on a fresh reading of the customer's users (the engine's listing read again,
/// one licence read per user, then the checks on it), in the background.
/// Keyed by the choices it checks, so changing a choice afterwards never shows a preview of something else.
/// </summary>
internal sealed class PreviewPreparer(BackgroundReads reads, MigrationPlanner planner, TimeProvider time)
{
    public static string Key(MigrationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var choices = JsonSerializer.Serialize(
            new { draft.CustomerId, draft.SourceSubscriptionId, draft.PlanId, draft.PurchaseKind, draft.ExistingSubscriptionId, draft.LicenceCount, Users = draft.Users.Select(u => u.Id) },
            BotJson.Options);
        return $"{BackgroundReads.KeyPrefix}preview/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(choices)))[..32]}";
    }

    /// <summary>Starts the preview of <paramref name="draft"/> (a fresh one each time the seller asks).</summary>
    public Task<PreparedRead<PreviewOutcome>> StartAsync(MigrationDraft draft, CancellationToken cancellationToken) =>
        reads.EnsureAsync(Key(draft), reuseFinishedSince: null, async (progress, ct) =>
        {
            await planner.ListKaizalaUsersAsync(draft.CustomerId, progress, ct);
            var preview = await planner.PreviewAsync(draft, ct);
            return new PreviewOutcome(preview.Findings, preview.CanConfirm, preview.Users.Count, time.GetUtcNow());
        }, cancellationToken);

    public Task<PreparedRead<PreviewOutcome>?> ReadAsync(string key, CancellationToken cancellationToken) =>
        reads.ReadAsync<PreviewOutcome>(key, cancellationToken);
}
