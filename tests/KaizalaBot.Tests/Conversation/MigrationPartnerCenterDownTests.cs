using System.Net;
using KaizalaBot.Cards;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// Partner Center down at the moment the seller confirms (the review's checks read it fresh): the click gets Teams'
/// error answer (Action.Execute, HTTP 200) or a chat message (Action.Submit) saying that Partner Center is not answering
/// and that nothing was changed, in the seller's language; no migration starts, the review card still waits, and the
/// same click once Partner Center is back starts the migration.
/// </summary>
public sealed class MigrationPartnerCenterDownTests : IAsyncLifetime
{
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(CardStyle.Execute, "en-US", "Partner Center is not answering right now (HTTP 503). Nothing was changed")]
    [InlineData(CardStyle.Submit, "fr-FR", "Partner Center ne répond pas pour le moment (code HTTP 503). Rien n'a été modifié")]
    public async Task Confirm_PartnerCenterAnswers503_SellerIsToldNothingChangedAndTheSameClickWorksOnceItIsBack(CardStyle style, string locale, string told)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, style, locale);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToReviewAsync(seller, customer, locale);
        var review = seller.Current!;
        var answers = await DialogAnswers.ReadAsync(_world.Storage, seller.Seller.ConversationId);
        await _world.SetPartnerCenterFaultsAsync(new { endpoint = "subscriptions.list", failureRate = 1.0, kind = "serviceUnavailable" });

        var refused = await seller.ClickAsync(CardVerbs.Confirm);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(seller.Said, said => said.Contains(told, StringComparison.Ordinal));
        Assert.DoesNotContain(seller.Said, said => said.Contains("Exception", StringComparison.Ordinal));
        Assert.Equal(review.ActivityId, seller.Current!.ActivityId);
        Assert.Equal(answers, await DialogAnswers.ReadAsync(_world.Storage, seller.Seller.ConversationId));
        Assert.Empty(await MigrationsAsync());

        await _world.SetPartnerCenterFaultsAsync();
        await seller.ClickAsync(CardVerbs.Confirm);

        Assert.Single(await MigrationsAsync());
    }

    private async Task<IReadOnlyList<MigrationRecord>> MigrationsAsync() =>
        await _world.Host.Services.GetRequiredService<MigrationService>()
            .ListBySellerAsync(new SellerIdentity(TeamsActivities.TenantId, TeamsActivities.SellerAadId, "Alex Wilber"), CancellationToken.None);
}
