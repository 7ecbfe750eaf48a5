using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Testing.Protocol;

namespace KaizalaBot.Tests.Support;

/// <summary>Reads what the shared recording connector caught as Bot Framework activities.</summary>
internal static class ConnectorRecordings
{
    public static Activity Activity(this RecordedRequest request) =>
        JsonSerializer.Deserialize<Activity>(request.Body, BotJson.Options)
            ?? throw new InvalidOperationException($"The bot sent an empty activity to {request.RawTarget}.");

    /// <summary>Every message activity the bot sent or updated, in order (typing indicators and the like left out).</summary>
    public static IReadOnlyList<Activity> SentMessages(this RecordingConnectorServer connector) =>
        [.. connector.Requests.Where(r => r.Body.Length > 0).Select(Activity).Where(a => a.Type == ActivityTypes.Message)];
}
