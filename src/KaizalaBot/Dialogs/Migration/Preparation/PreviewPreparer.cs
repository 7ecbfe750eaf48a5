using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>
/// <em>Preview</em>: every pre-flight check with each selected user read again (two calls per user), in the background.
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
        reads.EnsureAsync(Key(draft), TimeSpan.Zero, async (progress, ct) =>
        {
            var preview = await planner.PreviewAsync(draft, progress, ct);
            return new PreviewOutcome(preview.Findings, preview.CanConfirm, preview.Users.Count, time.GetUtcNow());
        }, cancellationToken);

    public Task<PreparedRead<PreviewOutcome>?> ReadAsync(string key, CancellationToken cancellationToken) =>
        reads.ReadAsync<PreviewOutcome>(key, cancellationToken);
}
