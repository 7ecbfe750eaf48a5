using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Routes;

/// <summary>
/// <em>Approve</em> / <em>Reject</em> on an approval request: the engine accepts it from an Admin agent only, once
/// (the first decision wins; later clicks, here or on another Admin agent's card, are told it was decided). The card
/// then shows the decision, and the seller is told it.
/// </summary>
internal abstract class DecideMigrationRoute(MigrationService migrations, MigrationCards cards, ApprovalCards approvals, MigrationCardQueue queue, BotTexts texts)
    : MigrationRoute(migrations, cards, texts)
{
    public const int MaxCommentLength = 500;

    protected abstract bool Approves { get; }

    protected override Task<CommandResult> RunAsync(MigrationActionData data, SellerIdentity seller, CancellationToken cancellationToken)
    {
        var comment = data.Comment?.Trim();
        if (comment is { Length: > MaxCommentLength })
        {
            comment = comment[..MaxCommentLength];
        }

        comment = string.IsNullOrEmpty(comment) ? null : comment;
        return Approves
            ? Migrations.ApproveAsync(data.MigrationId, seller, comment, cancellationToken)
            : Migrations.RejectAsync(data.MigrationId, seller, comment, cancellationToken);
    }

    protected override Task<CardActionResult> AnswerAsync(MigrationRecord migration, TextTable texts, SellerIdentity seller, CancellationToken cancellationToken)
    {
        if (Approves)
        {
            // A rejection cancels the migration, and the engine's "finished" notice tells the seller; an approval does not.
            queue.Enqueue(new MigrationCardJob(MigrationCardJobKind.Approved, migration.Id));
        }

        return Task.FromResult(CardActionResult.Card(approvals.Render(migration, texts, seller).Content!.Value));
    }
}
