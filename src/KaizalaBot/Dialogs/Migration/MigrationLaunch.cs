namespace KaizalaBot.Dialogs.Migration;

/// <summary>Where <see cref="MigrationDialogLauncher.StartAsync"/> began the dialog, or why it could not.</summary>
public enum MigrationLaunch
{
    /// <summary>In this turn's (personal) conversation: its first card is among the turn's replies.</summary>
    Here,

    /// <summary>In the sender's personal chat; this conversation was told so.</summary>
    InPersonalChat,

    /// <summary>The sender has no personal chat with the bot yet; this conversation was told how to install it.</summary>
    NotInstalledPersonally,

    /// <summary>The personal chat could not be reached (logged); this conversation was told to try again.</summary>
    Failed,
}
