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

    [Theory]
    [InlineData(BotLanguage.English, "A. Bought 1 licence (subscription sub-77)", "B. Users moved: 1 of 1 (0 failed)")]
    [InlineData(BotLanguage.French, "A. 1 licence achetée (abonnement sub-77)", "B. Utilisateurs transférés : 1 sur 1 (0 échec)")]
    public async Task Render_OneUserOneLicenceCompleted_SaysTheSingular(BotLanguage language, string bought, string moved)
    {
        var purchase = new PurchaseProgress { OrderId = "ord-4411", SubscriptionId = "sub-77", SeatsBought = 1, CompletedAt = Now, ProvisionedAt = Now };
        var migration = Migration(MigrationState.Completed, purchase) with { LicenceCount = 1, Licences = new LicenceProgress { Moved = 1, CompletedAt = Now } };

        var lines = await StageLinesAsync(migration, language);

        Assert.Contains(bought, lines);
        Assert.Contains(moved, lines);
    }

    [Theory]
    [InlineData(BotLanguage.English, "A. Buy 1 licence", "B. Move users: 0 of 1 so far (0 failed)")]
    [InlineData(BotLanguage.French, "A. Acheter 1 licence", "B. Transférer les utilisateurs : 0 sur 1 pour l'instant (0 échec)")]
    public async Task Render_OneUserQueued_SaysTheSingular(BotLanguage language, string buy, string moving)
    {
        var migration = Migration(MigrationState.Queued, new PurchaseProgress()) with { LicenceCount = 1 };

        var lines = await StageLinesAsync(migration, language);

        Assert.Contains(buy, lines);
        Assert.Contains(moving, lines);
    }

    [Theory]
    [InlineData(BotLanguage.English,
        "Partner Center has been unavailable since 08:58 UTC (HTTP 503). KaizalaBot will try again automatically around 09:05 UTC; nothing is lost or done twice.")]
    [InlineData(BotLanguage.French,
        "Partner Center est indisponible depuis 08:58 UTC (code HTTP 503). KaizalaBot réessaiera automatiquement vers 09:05 UTC ; rien n'est perdu ni fait deux fois.")]
    public async Task Render_PausedOnPartnerCenterOutage_SaysSoAndWhenItIsTriedAgain(BotLanguage language, string expected)
    {
        var lines = await StageLinesAsync(Paused(Outage(statusCode: 503, since: Now.AddMinutes(-2))), language);

        Assert.Contains(expected, lines);
    }

    [Theory]
    [InlineData(BotLanguage.English, "Partner Center has been unavailable since 29 Nov 2026 23:50 UTC (no answer).")]
    [InlineData(BotLanguage.French, "Partner Center est indisponible depuis 29 nov. 2026 23:50 UTC (pas de réponse).")]
    public async Task Render_OutageWithoutAnswerSinceTheDayBefore_DatesTheFirstFailure(BotLanguage language, string expected)
    {
        var lines = await StageLinesAsync(Paused(Outage(statusCode: null, since: new DateTimeOffset(2026, 11, 29, 23, 50, 0, TimeSpan.Zero))), language);

        Assert.Contains(lines, l => l.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(BotLanguage.English, "Partner Center has been unavailable", "B. Move users: 0 of 1 so far (0 failed)")]
    [InlineData(BotLanguage.French, "Partner Center est indisponible", "B. Transférer les utilisateurs : 0 sur 1 pour l'instant (0 échec)")]
    public async Task Render_ProgressSavedAfterTheOutage_ShowsTheNormalCard(BotLanguage language, string notice, string moving)
    {
        var paused = Paused(Outage(statusCode: 503, since: Now));
        var recovered = paused with
        {
            State = MigrationState.MovingLicences, Outage = null, Purchase = paused.Purchase with { SubscriptionId = "sub-77", ProvisionedAt = Now },
        };

        var during = await StageLinesAsync(paused, language);
        var after = await StageLinesAsync(recovered, language);

        Assert.Contains(during, l => l.StartsWith(notice, StringComparison.Ordinal));
        Assert.DoesNotContain(after, l => l.StartsWith(notice, StringComparison.Ordinal));
        Assert.Contains(moving, after);
    }

    [Theory]
    [InlineData(MigrationState.Completed)]
    [InlineData(MigrationState.NeedsAttention)]
    [InlineData(MigrationState.Cancelled)]
    public async Task Render_EndedWithAnOutageStillRecorded_ShowsNoOutageNotice(MigrationState state)
    {
        var lines = await StageLinesAsync(Paused(Outage(statusCode: 503, since: Now)) with { State = state }, BotLanguage.English);

        Assert.DoesNotContain(lines, l => l.StartsWith("Partner Center has been unavailable", StringComparison.Ordinal));
    }

    // Bought, waiting for Microsoft to provision; Partner Center answered the last look at the order with an error.
    private static MigrationRecord Paused(PartnerCenterOutage outage) =>
        Migration(MigrationState.AwaitingProvisioning, new PurchaseProgress { OrderId = "ord-4411", SeatsBought = 3, CompletedAt = Now }) with { Outage = outage };

    private static PartnerCenterOutage Outage(int? statusCode, DateTimeOffset since) =>
        new() { Since = since, LastFailureAt = Now, StatusCode = statusCode, NextAttemptAt = Now.AddMinutes(5) };

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
