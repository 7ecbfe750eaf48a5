using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Dialogs.Migration.Preparation;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>Draws a waiting card from the background read it shows, as it stands now (see <see cref="MigrationCardPrompt"/>).</summary>
internal sealed class LiveViewRenderer(BackgroundReads reads, CardRenderer cards)
{
    /// <summary>The card, and the read's status it shows (Running while the read has not finished, or not started).</summary>
    public async Task<(Attachment Card, PreparationStatus Status)> RenderAsync(TextTable texts, LiveView view, CancellationToken cancellationToken)
    {
        var (status, done, total, failure, ready) = view.Kind == LiveViewKind.Users
            ? Describe(await reads.ReadAsync<int>(view.Key, cancellationToken), holders => holders)
            : Describe(await reads.ReadAsync<PreviewOutcome>(view.Key, cancellationToken), v => v.UsersChecked);
        var prefix = view.Kind == LiveViewKind.Users ? "migrationReadingUsers" : "migrationPreviewing";
        var text = status switch
        {
            PreparationStatus.Ready => texts.Format($"{prefix}Ready", ready, view.CustomerName),
            PreparationStatus.Failed => texts.Format($"{prefix}Failed", view.CustomerName, failure),
            _ when total == 0 => texts.Format($"{prefix}Starting", view.CustomerName),
            _ => texts.Format(prefix, view.CustomerName, done, total),
        };
        var model = new WaitingCardModel(
            StepHeaders.For(texts, new MigrationDialogState { Stage = view.Stage }, texts[$"{prefix}Title"]),
            text,
            status == PreparationStatus.Running ? texts[$"{prefix}Detail"] : "",
            status == PreparationStatus.Ready,
            view.Kind == LiveViewKind.Users);
        return (cards.Render(CardTemplate.MigrationWaiting, texts, model), status);
    }

    private static (PreparationStatus Status, int Done, int Total, string Failure, int Ready) Describe<T>(PreparedRead<T>? read, Func<T, int> count) =>
        read is null
            ? (PreparationStatus.Running, 0, 0, "", 0)
            : (read.Status, read.Done, read.Total, read.Failure ?? "", read.Value is { } value ? count(value) : 0);
}
