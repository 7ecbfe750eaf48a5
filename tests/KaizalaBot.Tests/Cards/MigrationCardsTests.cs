using System.Text.Json.Nodes;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.MigrationHost;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Cards;

/// <summary>
/// The migration card's step A line from the record as the runner leaves it: Partner Center's checkout of a new
/// subscription answers a pending order with no subscription id, which only exists once Microsoft has provisioned it.
/// </summary>
public sealed class MigrationCardsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly BotHostFactory _host = new();
    private readonly BotTexts _texts = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(BotLanguage.English, "A. Bought 3 licences (order ord-4411)", "(subscription")]
    [InlineData(BotLanguage.French, "A. 3 licences achetées (commande ord-4411)", "(abonnement")]
    public async Task Render_BoughtWhileTheOrderIsProvisioning_NamesTheOrderNotAnEmptySubscription(BotLanguage language, string expected, string subscription)
    {
        var purchase = new PurchaseProgress { OrderId = "ord-4411", SeatsBought = 3, CompletedAt = Now };

        var lines = await StageLinesAsync(Migration(MigrationState.AwaitingProvisioning, purchase), language);

        Assert.Contains(expected, lines);
        Assert.DoesNotContain(lines, l => l.Contains(subscription, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(BotLanguage.English, "A. Bought 3 licences (subscription sub-77)")]
    [InlineData(BotLanguage.French, "A. 3 licences achetées (abonnement sub-77)")]
    public async Task Render_BoughtAndProvisioned_NamesTheNewSubscription(BotLanguage language, string expected)
    {
        var purchase = new PurchaseProgress { OrderId = "ord-4411", SubscriptionId = "sub-77", SeatsBought = 3, CompletedAt = Now, ProvisionedAt = Now };

        var lines = await StageLinesAsync(Migration(MigrationState.MovingLicences, purchase), language);

        Assert.Contains(expected, lines);
        Assert.DoesNotContain(lines, l => l.Contains("ord-4411", StringComparison.Ordinal));
    }

    private async Task<List<string>> StageLinesAsync(MigrationRecord migration, BotLanguage language)
    {
        var cards = _host.Services.GetRequiredService<MigrationCards>();
        var attachment = await cards.RenderAsync(migration, _texts.For(language), viewer: null, progress: null, CancellationToken.None);
        return [.. ShownCard.Texts(JsonNode.Parse(attachment.Content!.Value.GetRawText()))];
    }

    private static MigrationRecord Migration(MigrationState state, PurchaseProgress purchase) => new()
    {
        Id = "0123456789abcdef", CorrelationId = Guid.Empty, CustomerId = "customer-1", CustomerName = "Alpine Ski House SAS",
        SourceSubscriptionId = "kaizala-1", PlanId = "m365-business-basic", TargetSkuId = "target-sku", KaizalaSkuId = "kaizala-sku",
        PurchaseKind = PurchaseKind.NewSubscription, LicenceCount = 3, UserCount = 1, Country = "FR",
        RequestedBy = new SellerIdentity("tenant-1", "seller-1", "Léa Leroy"), State = state, CreatedAt = Now, UpdatedAt = Now,
        Purchase = purchase,
    };
}
