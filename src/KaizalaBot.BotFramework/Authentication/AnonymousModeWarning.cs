using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Authentication;

/// <summary>
/// Says once, at start-up, that requests without a token are accepted (no app id: local development). A warning per
/// request would drown every other line of a developer's log in the same sentence.
/// </summary>
internal sealed partial class AnonymousModeWarning(IOptions<MicrosoftAppOptions> appOptions, ILogger<AnonymousModeWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (appOptions.Value.IsAuthenticationDisabled)
        {
            LogAnonymousMode();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No MicrosoftAppId is configured: requests without a token are accepted and replies carry none. Local development only")]
    private partial void LogAnonymousMode();
}
