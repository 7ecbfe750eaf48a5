using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// One walk of one seller: a fresh personal conversation, and the card the bot answered last (from the invoke answer,
/// or else the last card it posted to the connector), from which the next step takes its action and data.
/// </summary>
internal sealed class WalkContext(Seller seller, string conversationId, int walk, Uri serviceUrl, bool newUserPerWalk)
{
    private const string BotId = "28:kaizalabot-benchmark";

    public Seller Seller { get; } = seller;

    public string ConversationId { get; } = conversationId;

    /// <summary>The walk's number in the run (every seller's walks counted together).</summary>
    public int Number { get; } = walk;

    /// <summary>The customer this walk must choose, when it probes one (<see cref="CustomerChoice"/>); else null.</summary>
    public WalkCustomer? Customer { get; init; }

    /// <summary>How many sellers walk at once in this run (a migration walk's customer depends on it).</summary>
    public int Sellers { get; init; } = 1;

    /// <summary>The walk's number among its seller's walks in this run, from 0.</summary>
    public int SellerWalk { get; init; }

    /// <summary>The card the previous turn answered with, if any.</summary>
    public JsonElement? LastCard { get; set; }

    /// <summary>An activity of this seller in this conversation, as Teams would post it.</summary>
    public Activity NewActivity(string type)
    {
        var aadObjectId = newUserPerWalk ? Seller.AadObjectIdOf(Number) : Seller.AadObjectId;
        return new Activity
        {
            Type = type,
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = Channels.Msteams,
            ServiceUrl = serviceUrl.ToString(),
            Locale = Seller.Locale,
            From = new ChannelAccount { Id = "29:" + aadObjectId, AadObjectId = aadObjectId },
            Recipient = new ChannelAccount { Id = BotId },
            Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal", TenantId = Seller.TenantId },
        };
    }
}
