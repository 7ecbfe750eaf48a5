namespace KaizalaBot.BotFramework.Tests.Testing;

internal static class Ct
{
    /// <summary>A generous bound so that a deadlock fails the test instead of hanging the run.</summary>
    public static CancellationToken Bounded() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
