namespace KaizalaBot.Testing;

/// <summary>Paths inside the checkout the tests run from, found by walking up from the test binaries.</summary>
public static class RepositoryPaths
{
    /// <summary>The clone's root: the folder holding <c>KaizalaBot.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>An npm tool folder under <c>tests/tools</c> (e.g. <c>azurite</c>), with its pinned package-lock.json.</summary>
    public static string ToolDirectory(string name) => Path.Combine(Root, "tests", "tools", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KaizalaBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"KaizalaBot.sln not found above {AppContext.BaseDirectory}; run the tests from a repository checkout.");
    }
}
