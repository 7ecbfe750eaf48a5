namespace KaizalaBot.Migration.Planning;

/// <summary>One pre-flight check result. The host shows <c>{Code}</c> and its "what to do" text <c>{Code}.action</c>.</summary>
public sealed record Finding(FindingSeverity Severity, MigrationMessage Message)
{
    public static Finding Blocks(string code, params (string Name, object Value)[] arguments) =>
        new(FindingSeverity.Blocks, MigrationMessage.Of(code, arguments));

    public static Finding Warns(string code, params (string Name, object Value)[] arguments) =>
        new(FindingSeverity.Warns, MigrationMessage.Of(code, arguments));

    public static Finding Info(string code, params (string Name, object Value)[] arguments) =>
        new(FindingSeverity.Info, MigrationMessage.Of(code, arguments));
}
