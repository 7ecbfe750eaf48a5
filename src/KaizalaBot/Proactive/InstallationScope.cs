namespace KaizalaBot.Proactive;

/// <summary>Where the bot was installed: a seller's personal chat, a team channel or a group chat.</summary>
public enum InstallationScope
{
    Personal,
    Channel,
    GroupChat,
}
