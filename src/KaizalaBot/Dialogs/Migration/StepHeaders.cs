using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>"Step 3 of 6 · Plan" and the title, with the state's one-off notice.</summary>
internal static class StepHeaders
{
    public static CardHeader For(MigrationTurn turn, string title) => For(turn.Texts, turn.State, title);

    public static CardHeader For(TextTable texts, MigrationDialogState state, string title) => new(
        texts.Format("migrationStepOf", (int)state.Stage + 1, Enum.GetValues<MigrationStage>().Length, texts[$"migrationStage{state.Stage}"]),
        title,
        state.Notice,
        state.NoticeIsError);
}
