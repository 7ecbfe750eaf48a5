using System.Collections.Concurrent;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Steps;

/// <summary>
/// Verification: every moved user is read again — nobody selected may still hold Kaizala Pro on the suspended
/// subscription. Users the seller accepted to leave behind are counted, not checked.
/// </summary>
internal sealed class VerifyStep : IMigrationStep
{
    public MigrationState State => MigrationState.Verifying;

    public async Task<MigrationState> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var m = context.Migration;
        var outcomes = await context.Store.ReadOutcomesAsync(m.Id, cancellationToken);
        var moved = outcomes.Values.Where(o => o.Status == UserMoveStatus.Moved).Select(o => o.UserId).ToList();
        var stillOnKaizala = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            moved,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.Options.LicenceConcurrency), CancellationToken = cancellationToken },
            async (userId, ct) =>
            {
                var licenses = await context.PartnerCenter.CallAsync(
                    context.Scope, "users.licenses", userId, (client, c) => client.GetUserLicensesAsync(m.CustomerId, userId, c), ct);
                if (Holds(licenses, m.KaizalaSkuId))
                {
                    stillOnKaizala.Add(userId);
                }
            });

        var remainder = outcomes.Values.Count(o => o.Status == UserMoveStatus.Failed);
        var verification = new VerificationResult
        {
            CheckedAt = context.Time.GetUtcNow(), UsersChecked = moved.Count, StillOnKaizala = [.. stillOnKaizala.Order(StringComparer.Ordinal)],
            RemainderAccepted = remainder,
        };
        await context.Session.SaveAsync(r => r with { Verification = verification }, cancellationToken);
        return verification.StillOnKaizala.Count == 0 && remainder == 0 ? MigrationState.Completed : MigrationState.CompletedWithFailures;
    }

    private static bool Holds(ResourceCollection<License> licenses, string skuId) =>
        licenses.Items.Any(l => string.Equals(l.ProductSku.Id, skuId, StringComparison.OrdinalIgnoreCase));
}
