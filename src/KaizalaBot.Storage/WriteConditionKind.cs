namespace KaizalaBot.Storage;

public enum WriteConditionKind
{
    Unconditional,
    CreateOnly,
    IfMatch,
}
