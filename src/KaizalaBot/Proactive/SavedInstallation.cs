namespace KaizalaBot.Proactive;

/// <summary>
/// The result of saving an installation: <see cref="Created"/> is true only for the write that created it;
/// <see cref="ShouldWelcome"/> is true for exactly one of the events that announce one install.
/// </summary>
public sealed record SavedInstallation(Installation Installation, bool Created, bool ShouldWelcome);
