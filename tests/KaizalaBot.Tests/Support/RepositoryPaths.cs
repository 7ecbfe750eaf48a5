namespace KaizalaBot.Tests.Support;

internal static class RepositoryPaths
{
    /// <summary>The clone's root, found by walking up from the test binaries to <c>KaizalaBot.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KaizalaBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"KaizalaBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
