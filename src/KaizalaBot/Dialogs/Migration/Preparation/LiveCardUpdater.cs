using KaizalaBot.Bot;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>
/// Redraws in place the waiting cards of background reads that moved on (users read, checks run): a proactive turn of
/// each watching conversation asks its waiting prompt for its card again, and that card replaces the message instead
/// of being posted. A conversation whose dialog moved on meanwhile sends nothing.
/// </summary>
internal sealed partial class LiveCardUpdater(LiveCards live, CloudAdapter adapter, DialogRoute dialogs, ILogger<LiveCardUpdater> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await live.Signals.WaitToReadAsync(stoppingToken))
        {
            // Progress of one read arriving faster than Teams is called: only the latest matters.
            var moved = new HashSet<string>(StringComparer.Ordinal);
            while (live.Signals.TryRead(out var key))
            {
                moved.Add(key);
            }

            foreach (var key in moved)
            {
                foreach (var watcher in live.WatchersOf(key))
                {
                    var stillWaiting = false;
                    var result = await adapter.ContinueConversationAsync(
                        watcher.Reference, async (turn, ct) => stillWaiting = await RedrawAsync(turn, key, watcher.ActivityId, ct), stoppingToken);
                    if (result.Status != ProactiveTurnStatus.Completed)
                    {
                        LogNotRedrawn(key, result.Status);
                    }

                    // Watched until drawn showing its read finished (or its dialog moved on): a card still showing a
                    // running read under this key (possibly one started again since) gets that read's later signals.
                    if (!stillWaiting)
                    {
                        live.Forget(key, watcher);
                    }
                }
            }
        }
    }

    /// <summary>Redraws the card; true when it still shows a running read under <paramref name="key"/>.</summary>
    private async Task<bool> RedrawAsync(ITurnContext turn, string key, string activityId, CancellationToken cancellationToken)
    {
        turn.TurnState[MigrationCardPrompt.LiveOnlyKey] = true;
        turn.OnSendActivities(async (context, activities, next) =>
        {
            var responses = new List<ResourceResponse>();
            foreach (var card in activities.Where(a => a.Attachments is { Count: > 0 }).ToList())
            {
                activities.Remove(card);
                responses.Add(await context.UpdateActivityAsync(card with { Id = activityId, ReplyToId = null }, cancellationToken));
            }

            if (activities.Count > 0)
            {
                responses.AddRange(await next());
            }

            return responses;
        });
        await dialogs.RepromptAsync(turn, cancellationToken);
        return turn.TurnState.TryGetValue(MigrationCardPrompt.LiveStatusKey, out var drawn)
            && drawn is (string drawnKey, PreparationStatus.Running) && drawnKey == key;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A waiting card of {Key} was not redrawn: {Status}")]
    private partial void LogNotRedrawn(string key, ProactiveTurnStatus status);
}
