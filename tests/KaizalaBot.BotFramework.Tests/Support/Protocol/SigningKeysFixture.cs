using KaizalaBot.Testing.Protocol;

namespace KaizalaBot.BotFramework.Tests.Support.Protocol;

/// <summary>
/// RSA key generation is the slowest part of an authentication test, so a test class generates its keys once; each
/// test still gets its own metadata server and publishes the keys it needs.
/// </summary>
public sealed class SigningKeysFixture : IDisposable
{
    internal TestSigningKey Teams { get; } = new("teams-key-1", "msteams", "skype");

    internal TestSigningKey Entra { get; } = new("entra-key-1", null);

    internal TestSigningKey Rolled { get; } = new("teams-key-2", "msteams");

    internal TestSigningKey Stranger { get; } = new("stranger", "msteams");

    internal TestSigningKey Unendorsed { get; } = new("bare", null);

    internal TestSigningKey WebchatOnly { get; } = new("webchat-only", "webchat", "directline");

    public void Dispose()
    {
        Teams.Dispose();
        Entra.Dispose();
        Rolled.Dispose();
        Stranger.Dispose();
        Unendorsed.Dispose();
        WebchatOnly.Dispose();
    }
}
