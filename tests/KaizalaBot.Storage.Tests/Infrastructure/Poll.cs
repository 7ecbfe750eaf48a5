namespace KaizalaBot.Storage.Tests.Infrastructure;

public static class Poll
{
    /// <summary>Waits (real time, bounded) for background work to reach a state; fails the test if it never does.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition(), $"Timed out waiting until {what}.");
    }
}
