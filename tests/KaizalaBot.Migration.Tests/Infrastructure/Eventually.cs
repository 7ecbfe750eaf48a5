using KaizalaBot.Testing;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>Waits, within a real-time bound, for a condition the engine makes true on its own time.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var wait = Task.Run(async () =>
        {
            while (!await condition())
            {
                await Task.Delay(5);
            }
        });
        await wait.WithinAsync(what, limit ?? TimeSpan.FromSeconds(60));
    }
}
