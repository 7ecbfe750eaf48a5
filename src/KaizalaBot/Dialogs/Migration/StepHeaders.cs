using System.Collections.Frozen;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>"Step 3 of 6 · Plan" and the title, with the state's one-off notice.</summary>
internal static class StepHeaders
{
    // The stage count and each stage's text key, made once: a header is built on every step card.
    private static readonly int StageCount = Enum.GetValues<MigrationStage>().Length;
    private static readonly FrozenDictionary<MigrationStage, string> StageKeys =
        Enum.GetValues<MigrationStage>().ToFrozenDictionary(stage => stage, stage => $"migrationStage{stage}");

    public static CardHeader For(MigrationTurn turn, string title) => For(turn.Texts, turn.State, title);

    public static CardHeader For(TextTable texts, MigrationDialogState state, string title) => new(
        texts.Format("migrationStepOf", (int)state.Stage + 1, StageCount, texts[StageKeys[state.Stage]]),
        title,
        state.Notice,
        state.NoticeIsError);
}
