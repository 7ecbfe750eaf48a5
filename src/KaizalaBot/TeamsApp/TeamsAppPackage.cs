namespace KaizalaBot.TeamsApp;

/// <summary>A written app package: where it is, the manifest schema it follows and the app version it carries.</summary>
public sealed record TeamsAppPackage(string Path, string ManifestVersion, string AppVersion);
