namespace KaizalaBot.Dialogs.Migration.Preparation;

public enum PreparationStatus
{
    Running,
    Ready,
    Failed,
}
