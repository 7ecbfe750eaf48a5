using KaizalaBot.Cards;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// A one-user migration, as common as one-user customers are (the demo's small customer is one), reads in the singular on
/// the users card and the review ("1 user", "1 utilisateur … sera transféré"), through the real endpoint against the
/// Partner Center simulator.
/// </summary>
public sealed class MigrationOneUserTests : IAsyncLifetime
{
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("en-US", "1 of the 1 user holding Kaizala Pro will move.", "Move 1 user from Kaizala Pro to ")]
    [InlineData("fr-FR", "1 du 1 utilisateur qui a Kaizala Pro sera transféré.", "Transférer 1 utilisateur de Kaizala Pro vers ")]
    public async Task Review_ACustomerWithOneKaizalaUser_SaysOneUserInTheSingular(string locale, string summary, string move)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        Assert.Single(customer.HolderIds);
        var seller = new ConversationDriver(_world, CardStyle.Execute, locale);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToUsersAsync(seller, customer, locale);

        Assert.Contains(summary, seller.Current!.Text, StringComparison.Ordinal);
        await seller.ClickAsync(CardVerbs.Continue);
        Assert.True(seller.Current!.HasVerb(CardVerbs.Confirm), seller.Current.Text);
        Assert.Contains(move, seller.Current.Text, StringComparison.Ordinal);
    }
}
