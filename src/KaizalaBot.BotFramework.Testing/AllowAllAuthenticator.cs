using System.Security.Claims;
using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Testing;

/// <summary>The test harness runs turns as if authentication passed.</summary>
internal sealed class AllowAllAuthenticator : IChannelAuthenticator
{
    public Task<ClaimsIdentity> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ClaimsIdentity());
}
