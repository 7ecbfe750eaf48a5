namespace KaizalaBot.Storage.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>tests/tools/azurite of this checkout, found by walking up from the test binaries.</summary>
    public static string AzuriteToolDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "tools", "azurite");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"Could not find tests/tools/azurite/package.json above {AppContext.BaseDirectory}; run the tests from a repository checkout.");
    }

    public static string ProcessHelperDll() =>
        Path.Combine(AppContext.BaseDirectory, "KaizalaBot.Storage.ProcessHelper.dll");
}
