using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.PartnerCenter.Simulator;

namespace KaizalaBot.Reliability;

/// <summary>
/// One seller of the partner's tenant in their personal chat with the bot, talking to <c>/api/messages</c> as Teams does
/// (Development, no app id: the bot takes unauthenticated loopback turns): installs the bot once, then walks
/// <c>help</c>, <c>status</c>, <c>expiring</c> in order, one turn at a time, and counts the answers that were not 2xx.
/// </summary>
internal sealed class SoakSeller(HttpClient bot, string serviceUrl, string aadObjectId, string name, string locale)
{
    private static readonly string[] Commands = ["help", "status", "expiring"];

    private int _turns;
    private int _failures;

    public int Turns => Volatile.Read(ref _turns);

    public int Failures => Volatile.Read(ref _failures);

    /// <summary>The two sellers of the simulator's demo directory (both may migrate), one in French, one in English.</summary>
    public static IReadOnlyList<SoakSeller> DemoSellers(HttpClient bot, string serviceUrl) =>
    [
        new(bot, serviceUrl, SimulatorDemoDirectory.FrenchSellerObjectId, SimulatorDemoDirectory.FrenchSellerDisplayName, "fr-FR"),
        new(bot, serviceUrl, SimulatorDemoDirectory.EnglishSellerObjectId, SimulatorDemoDirectory.EnglishSellerDisplayName, "en-US"),
    ];

    private string ConversationId => "a:soak-" + aadObjectId;

    /// <summary>Installs the bot, then takes turns until <paramref name="cancellationToken"/> ends the run.</summary>
    public async Task TalkAsync(TimeSpan pause, CancellationToken cancellationToken)
    {
        await PostAsync(Activity(ActivityTypes.InstallationUpdate, action: InstallationUpdateActions.Add), cancellationToken);
        try
        {
            for (var turn = 0; ; turn++)
            {
                await PostAsync(Activity(ActivityTypes.Message, text: Commands[turn % Commands.Length]), cancellationToken);
                await Task.Delay(pause, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run's end.
        }
    }

    private async Task PostAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var response = await bot.PostAsJsonAsync("api/messages", activity, BotJson.Options, cancellationToken);
        Interlocked.Increment(ref _turns);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _failures);
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

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{name}: {Turns} turns, {Failures} not 2xx");
}
