namespace KaizalaBot.Proactive;

/// <summary>The result of saving an installation: <see cref="Created"/> is true only for the write that created it.</summary>
public sealed record SavedInstallation(Installation Installation, bool Created);
