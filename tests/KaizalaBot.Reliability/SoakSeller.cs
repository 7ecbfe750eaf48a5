using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.PartnerCenter.Simulator;

namespace KaizalaBot.Reliability;

/// <summary>
/// One seller of the partner's tenant in their personal chat with the bot, talking to <c>/api/messages</c> as Teams does
/// (Development, no app id: the bot takes unauthenticated loopback turns): installs the bot once, then walks
/// <c>help</c>, <c>status</c>, <c>expiring</c> in order, one turn at a time, pausing between turns as a person reading the
/// answer does, and keeps the ids of the message turns answered 2xx, to match them with the replies the connector took.
/// Each seller has a connection of its own, kept alive between turns, as a chat's strictly ordered turns would: one
/// client shared by all would open a connection per turn in flight whenever the bot slows down and drop them a minute
/// later, a saw-tooth of the bot's sockets that is the load generator's, not the bot's.
/// </summary>
internal sealed class SoakSeller(Uri bot, string serviceUrl, string aadObjectId, string name, string locale, int seed) : IDisposable
{
    private static readonly string[] Commands = ["help", "status", "expiring"];

    private readonly HttpClient _bot = new() { BaseAddress = bot, Timeout = TimeSpan.FromSeconds(30) };
    private readonly Random _pauses = new(seed);
    private readonly List<string> _answered = [];
    private int _turns;
    private int _failures;

    public string AadObjectId => aadObjectId;

    /// <summary>The seller's personal chat with the bot.</summary>
    public string ConversationId => "a:soak-" + aadObjectId;

    public int Turns => Volatile.Read(ref _turns);

    public int Failures => Volatile.Read(ref _failures);

    /// <summary>The message turns answered 2xx, each of which must have had its reply delivered (read once the run has ended).</summary>
    public IReadOnlyList<string> AnsweredMessages => _answered;

    /// <summary>
    /// <paramref name="count"/> sellers of the simulator's partner tenant (invented object ids, which the run lists in
    /// <c>Migration:Authorization:AllowedUsers</c>), every other one in French.
    /// </summary>
    public static IReadOnlyList<SoakSeller> Many(int count, Uri bot, string serviceUrl) =>
    [
        .. Enumerable.Range(1, count).Select(i => new SoakSeller(
            bot,
            serviceUrl,
            ObjectIdOf(i),
            string.Create(CultureInfo.InvariantCulture, $"Soak seller {i}"),
            i % 2 == 0 ? "fr-FR" : "en-US",
            seed: i)),
    ];

    /// <summary>
    /// Lets the first <paramref name="count"/> sellers use the bot: they hold no Partner Center role, so the partner lists
    /// them (<c>Migration:Authorization:AllowedUsers</c>, as it may list sellers), and the partner's tenant is the
    /// simulator's (Development names the Agents Playground's), so that they may migrate and are sent reminders.
    /// </summary>
    public static void Allow(IDictionary<string, string> botSettings, int count)
    {
        botSettings["Migration:Authorization:PartnerTenantId"] = SimulatorDemoDirectory.PartnerTenantId;
        for (var number = 1; number <= count; number++)
        {
            botSettings[string.Create(CultureInfo.InvariantCulture, $"Migration:Authorization:AllowedUsers:{number - 1}")] = ObjectIdOf(number);
        }
    }

    private static string ObjectIdOf(int number) => string.Create(CultureInfo.InvariantCulture, $"5eed0000-0000-4000-8000-50a4{number:D8}");

    /// <summary>
    /// Installs the bot after a first pause (so that the sellers do not all start at once), then takes turns until
    /// <paramref name="cancellationToken"/> ends the run; each pause is drawn between half and one and a half times
    /// <paramref name="meanPause"/>.
    /// </summary>
    public async Task TalkAsync(TimeSpan meanPause, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(meanPause * _pauses.NextDouble(), cancellationToken);
            await InstallAsync(cancellationToken);
            for (var turn = 0; ; turn++)
            {
                await Task.Delay(meanPause * (0.5 + _pauses.NextDouble()), cancellationToken);
                await PostAsync(Activity(ActivityTypes.Message, text: Commands[turn % Commands.Length]), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run's end; a turn cut short then is counted neither way.
        }
    }

    /// <summary>Adds the bot to the seller's personal chat (the installation the bot keeps for its proactive messages).</summary>
    public Task InstallAsync(CancellationToken cancellationToken) =>
        PostAsync(Activity(ActivityTypes.InstallationUpdate, action: InstallationUpdateActions.Add), cancellationToken);

    private async Task PostAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var response = await _bot.PostAsJsonAsync("api/messages", activity, BotJson.Options, cancellationToken);
        Interlocked.Increment(ref _turns);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _failures);
        }
        else if (activity.Type == ActivityTypes.Message)
        {
            _answered.Add(activity.Id!);
        }
    }

    private Activity Activity(string type, string? text = null, string? action = null) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = serviceUrl,
        ChannelId = Channels.Msteams,
        From = new ChannelAccount { Id = "29:" + aadObjectId, Name = name, AadObjectId = aadObjectId },
        Recipient = new ChannelAccount { Id = "28:kaizalabot", Name = "KaizalaBot" },
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal", TenantId = SimulatorDemoDirectory.PartnerTenantId },
        ChannelData = JsonSerializer.SerializeToElement(new TeamsChannelData { Tenant = new TenantInfo(SimulatorDemoDirectory.PartnerTenantId) }, BotJson.Options),
        Locale = locale,
        Text = text,
        Action = action,
    };

    /// <summary>The reference a migration confirmed by this seller keeps, so its progress card and summary come here.</summary>
    public JsonElement Reference() => JsonSerializer.SerializeToElement(
        new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = serviceUrl,
            Locale = locale,
            Bot = new ChannelAccount { Id = "28:kaizalabot", Name = "KaizalaBot" },
            User = new ChannelAccount { Id = "29:" + aadObjectId, Name = name, AadObjectId = aadObjectId },
            Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal", TenantId = SimulatorDemoDirectory.PartnerTenantId },
        },
        BotJson.Options);

    public void Dispose() => _bot.Dispose();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{name}: {Turns} turns, {Failures} not 2xx");
}
