using KaizalaBot.Cards;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// A user who cannot be moved (no usage location): the seller is told once, the card says why and what to do, Retry
/// runs B again for that user only, and Accept the remainder finishes with a summary listing the failure and its reason.
/// </summary>
public sealed class MigrationAttentionTests : IAsyncLifetime
{
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(CardStyle.Execute, "en-US")]
    [InlineData(CardStyle.Submit, "fr-FR")]
    public async Task Migrate_UserWithoutUsageLocation_AttentionThenRetryThenAcceptRemainderEndsWithTheFailureInTheSummary(CardStyle style, string locale)
    {
        var french = locale.StartsWith("fr", StringComparison.Ordinal);
        var customer = await _world.KaizalaCustomerWithUnlocatedHolderAsync();
        var seller = new ConversationDriver(_world, style, locale);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToReviewAsync(seller, customer, locale, otherPlan: true);
        Assert.Contains(french ? "n'ont pas d'emplacement d'utilisation" : "have no usage location", seller.Current!.Text, StringComparison.Ordinal);
        var start = _world.Connector.Requests.Count;
        await seller.ClickAsync(CardVerbs.Confirm);
        var card = seller.Current!.ActivityId;
        var migrationId = MigrationWalkThrough.MigrationIdOf(seller.Current!);

        var notice = await seller.WaitForTextAsync(start, t => t.Contains(french ? "a besoin de vous" : "needs your attention", StringComparison.Ordinal), "the attention notice");
        var attention = await seller.WaitForCardAsync(start, c => c.ActivityId == card && c.HasVerb(CardVerbs.RetryFailedUsers), "the card asking for attention");
        Assert.Contains(french ? "Pas d'emplacement d'utilisation" : "No usage location", attention.Text, StringComparison.Ordinal);
        Assert.True(attention.HasVerb(CardVerbs.AcceptRemainder));
        Assert.Contains(customer.Name, notice, StringComparison.Ordinal);

        var retriedAt = _world.Connector.Requests.Count;
        await seller.SendClickAsync(CardVerbs.RetryFailedUsers, Data(attention, CardVerbs.RetryFailedUsers, style), card);
        var again = await seller.WaitForCardAsync(retriedAt, c => c.ActivityId == card && c.HasVerb(CardVerbs.AcceptRemainder), "the retry to fail again");
        await seller.WaitForTextAsync(retriedAt, t => t.Contains(french ? "a besoin de vous" : "needs your attention", StringComparison.Ordinal), "a second attention notice");
        var acceptedAt = _world.Connector.Requests.Count;
        await seller.SendClickAsync(CardVerbs.AcceptRemainder, Data(again, CardVerbs.AcceptRemainder, style), card);
        var summary = await seller.WaitForCardAsync(acceptedAt, c => c.ActivityId != card && c.Text.Contains(migrationId, StringComparison.Ordinal), "the summary");

        Assert.Contains(french ? "n'ont pas pu être transférés" : "could not be moved", summary.Text, StringComparison.Ordinal);
        Assert.Contains(french ? "Pas d'emplacement d'utilisation" : "No usage location", summary.Text, StringComparison.Ordinal);
        Assert.Contains(french ? "Kaizala Pro suspendu le" : "Kaizala Pro suspended on", summary.Text, StringComparison.Ordinal);
        Assert.Contains(french ? "le déprovisionne le" : "deprovisions it on", summary.Text, StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonObject Data(ShownCard card, string verb, CardStyle style)
    {
        var action = ShownCard.Actions(card.Card).Single(a => a["verb"]!.GetValue<string>() == verb);
        return (style == CardStyle.Execute ? action["data"] : action["fallback"]!["data"])!.DeepClone().AsObject();
    }
}
