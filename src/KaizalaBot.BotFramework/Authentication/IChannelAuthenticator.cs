using System.Security.Claims;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Authentication;

/// <summary>
/// Decides whether an inbound request may be processed: validates the <c>Authorization</c> header against the
/// activity it came with (channel tokens, Entra tokens of the configured tenant, Emulator tokens; no header only
/// when no app id is configured).
/// </summary>
public interface IChannelAuthenticator
{
    /// <summary>Returns the caller's identity, or throws <see cref="UnauthorizedAccessException"/> (mapped to 401).</summary>
    Task<ClaimsIdentity> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
