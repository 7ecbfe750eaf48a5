using System.Security.Claims;
using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Tests.Testing;

/// <summary>Accepts only the expected Authorization header and records what it was asked.</summary>
internal sealed class FakeAuthenticator(string? acceptedHeader) : IChannelAuthenticator
{
    public List<string?> Headers { get; } = [];

    public Task<ClaimsIdentity> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        Headers.Add(authorizationHeader);
        return authorizationHeader == acceptedHeader
            ? Task.FromResult(new ClaimsIdentity("test"))
            : throw new UnauthorizedAccessException("Token rejected: signature invalid for kid abc.");
    }
}
