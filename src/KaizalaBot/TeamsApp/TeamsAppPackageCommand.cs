using KaizalaBot.Tooling;

namespace KaizalaBot.TeamsApp;

/// <summary>
/// <c>dotnet run --project src/KaizalaBot -- package-teams-app [--output DIR]</c>: writes the Teams app zip into
/// <c>manifest/build/</c> (or DIR, relative to the repository root) instead of starting the web host. A verb of the host rather than a separate tool, so
/// that it reads the bot's configuration through the very same sources and precedence (appsettings, user-secrets,
/// environment, command line): the package names exactly the bot that this configuration runs.
/// </summary>
public sealed class TeamsAppPackageCommand(
    IConfiguration configuration, string contentRoot, TimeProvider time, TextWriter output, TextWriter error)
{
    public const string Verb = "package-teams-app";
    private const string OutputOption = "--output";

    public static bool IsInvoked(IReadOnlyList<string> args) => args is [Verb, ..];

    /// <returns>The process exit code: 0 when the package was written, 1 when it was refused.</returns>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            var settings = TeamsAppSettings.Read(configuration);
            var manifestDirectory = FindManifestDirectory();
            var outputDirectory = OutputDirectory(args, Path.GetDirectoryName(manifestDirectory)!) ?? Path.Combine(manifestDirectory, "build");
            var packager = new TeamsAppPackager(new TeamsAppSchemaValidator(new NpmToolFolder(Path.Combine(manifestDirectory, "tools"), time)));

            var package = await packager.PackAsync(settings, manifestDirectory, outputDirectory, cancellationToken);

            await output.WriteLineAsync($"""
                Teams app package written: {package.Path}
                  bot (MicrosoftAppId): {settings.BotAppId:D}
                  publisher: {settings.DeveloperName}, domain: {settings.BotDomain}
                  manifest schema {package.ManifestVersion}, app version {package.AppVersion}
                Upload it in the Teams admin center (Teams apps > Manage apps > Upload new app), or in Teams to try it
                yourself (Apps > Manage your apps > Upload an app).
                """);
            return 0;
        }
        catch (Exception ex) when (ex is TeamsAppPackageException or NpmToolException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"""
                The Teams app package was not written:
                {ex.Message}
                """);
            return 1;
        }
    }

    private string FindManifestDirectory()
    {
        // dotnet run starts in the project folder, a published build wherever it was copied: look upwards from both.
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "manifest");
                if (File.Exists(Path.Combine(candidate, TeamsAppPackager.ManifestFileName)))
                {
                    return candidate;
                }
            }
        }

        throw new TeamsAppPackageException(
            $"manifest/{TeamsAppPackager.ManifestFileName} was not found above {contentRoot}: run the command from a clone of the repository.");
    }

    // Relative to the repository root, not the working directory: dotnet run starts the host in src/KaizalaBot.
    private static string? OutputDirectory(IReadOnlyList<string> args, string repositoryRoot)
    {
        for (var i = 1; i < args.Count; i++)
        {
            var folder = args[i] == OutputOption ? (i + 1 < args.Count ? args[i + 1] : string.Empty)
                : args[i].StartsWith(OutputOption + "=", StringComparison.Ordinal) ? args[i][(OutputOption.Length + 1)..]
                : null;
            if (folder is not null)
            {
                return string.IsNullOrWhiteSpace(folder)
                    ? throw new TeamsAppPackageException($"{OutputOption} needs a folder.")
                    : Path.GetFullPath(folder, repositoryRoot);
            }
        }

        return null;
    }
}
