using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// Builds the card action table once at start-up, so that two routes claiming one verb stop the host from starting rather
/// than failing the first seller's turn: the router is scoped (like the bot and its routes), so nothing else builds it
/// before a turn arrives.
/// </summary>
internal sealed class CardActionRouteCheck(IServiceScopeFactory scopes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        _ = scope.ServiceProvider.GetRequiredService<CardActionRouter>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
