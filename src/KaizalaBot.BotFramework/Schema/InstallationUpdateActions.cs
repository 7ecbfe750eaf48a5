namespace KaizalaBot.BotFramework.Schema;

public static class InstallationUpdateActions
{
    public const string Add = "add";
    public const string AddUpgrade = "add-upgrade";
    public const string Remove = "remove";
    public const string RemoveUpgrade = "remove-upgrade";
}
