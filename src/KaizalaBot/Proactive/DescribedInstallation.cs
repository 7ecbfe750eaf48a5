namespace KaizalaBot.Proactive;

/// <summary>An installation and the storage key it lives under.</summary>
internal sealed record DescribedInstallation(string Key, Installation Installation);
