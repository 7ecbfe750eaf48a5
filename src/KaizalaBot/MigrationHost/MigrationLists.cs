using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.MigrationHost;

/// <summary>Lists of migrations (status, history, resume, cancel): one line each, opened with its own card.</summary>
internal sealed class MigrationLists(MigrationCards migrationCards, CardRenderer cards)
{
    // Two sections of this many lines stay within a Teams message (about 28 KB).
    public const int MaxItems = 10;

    public MigrationListSection Section(TextTable texts, string titleKey, string emptyKey, IEnumerable<MigrationRecord> migrations) =>
        new(texts[titleKey], texts[emptyKey], [.. migrations.Take(MaxItems).Select(m => Item(texts, m))]);

    public Attachment Render(TextTable texts, string titleKey, string intro, params MigrationListSection[] sections) =>
        cards.Render(CardTemplate.MigrationList, texts, new MigrationListCardModel(texts[titleKey], intro, sections));

    private MigrationListItem Item(TextTable texts, MigrationRecord m) => new(
        m.Id,
        texts.Format("migrationListTitle", m.CustomerName ?? m.CustomerId, migrationCards.PlanName(m)),
        texts.Format("migrationListDetail", m.RequestedBy.DisplayName, texts.DateTime(m.CreatedAt), m.UserCount),
        MigrationCards.StateText(m, texts, m.Licences.Moved, m.Licences.Failed, m.UserCount),
        m.State switch
        {
            MigrationState.Completed => "Good",
            MigrationState.NeedsAttention or MigrationState.Cancelled => "Attention",
            MigrationState.CompletedWithFailures or MigrationState.AwaitingApproval => "Warning",
            _ => "Default",
        });
}
