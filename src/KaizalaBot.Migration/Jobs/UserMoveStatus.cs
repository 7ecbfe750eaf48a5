namespace KaizalaBot.Migration.Jobs;

public enum UserMoveStatus
{
    Moved,
    Failed,
}
