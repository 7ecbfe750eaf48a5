using System.Reflection;
using KaizalaBot.Dialogs.Migration;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Tests.Localization;

/// <summary>Every code the engine can emit, and every state, step, family and status a card names, has its text in both languages.</summary>
public sealed class MessageTextsTests
{
    private readonly BotTexts _texts = new();

    public static TheoryData<string> EveryMessageCode() =>
        [.. typeof(MessageCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Theory]
    [MemberData(nameof(EveryMessageCode))]
    public void Text_EveryMessageCode_HasItsTextAndActionInBothLanguages(string code)
    {
        foreach (var language in Enum.GetValues<BotLanguage>())
        {
            var texts = _texts.For(language);
            var arguments = code == MessageCodes.SellerNotEntitled ? MessageTexts.RefusalReasons : [""];
            foreach (var reason in arguments)
            {
                var message = MigrationMessage.Of(code, ("reason", reason));

                Assert.False(string.IsNullOrWhiteSpace(texts.Text(message)), $"{language}: {code}");
                Assert.Equal(MessageTexts.NeedsAction(code), texts.Action(message) is { Length: > 0 });
            }
        }
    }

    [Fact]
    public void Text_FindingsAndFailures_ArgumentsFilledFormattedAndUnusedOnesIgnored()
    {
        var message = MigrationMessage.Of(MessageCodes.LicencesBelowUsers, ("requested", 3), ("minimum", 12), ("unused", "x"));

        var text = _texts.For(BotLanguage.French).Text(message);

        Assert.Equal("3 licences ne suffisent pas : il en faut au moins 12.", text);
        Assert.Equal("Passez le nombre de licences à 12 au moins, ou transférez moins d'utilisateurs.", _texts.For(BotLanguage.French).Action(message));
    }

    [Theory]
    [InlineData(BotLanguage.French, "L'abonnement Kaizala Pro se termine le 1 mars 2027, dans 1 jour.")]
    [InlineData(BotLanguage.English, "The Kaizala Pro subscription ends on 1 Mar 2027, in 1 day.")]
    public void Text_DateArgument_WrittenInTheSellersLanguage(BotLanguage language, string expected)
    {
        var message = MigrationMessage.Of(MessageCodes.SourceEndsSoon, ("endDate", "2027-03-01"), ("days", 1));

        Assert.Equal(expected, _texts.For(language).Text(message));
    }

    [Fact]
    public void Text_DateArgumentNotADate_ShownAsItCame()
    {
        var message = MigrationMessage.Of(MessageCodes.SourceEndsSoon, ("endDate", "soon"), ("days", 2));

        Assert.Equal("The Kaizala Pro subscription ends on soon, in 2 days.", _texts.For(BotLanguage.English).Text(message));
    }

    [Fact]
    public void Text_RefusalWithAnUnknownReason_FallsBackToTheGeneralRefusal()
    {
        var message = MigrationMessage.Of(MessageCodes.SellerNotEntitled, ("reason", "somethingNew"));

        Assert.Equal("Sorry, you are not allowed to migrate customers with KaizalaBot.", _texts.For(BotLanguage.English).Text(message));
    }

    [Fact]
    public void Texts_EveryStateStepFamilyAndStatusACardNames_ExistInBothLanguages()
    {
        string[] keys =
        [
            .. Enum.GetValues<MigrationState>().Select(s => $"migrationState{s}"),
            .. Enum.GetValues<MigrationStage>().Select(s => $"migrationStage{s}"),
            .. Enum.GetValues<PlanFamily>().Select(f => $"migrationFamily{f}"),
            .. Enum.GetValues<SubscriptionStatus>().Select(s => $"migrationSubscriptionStatus{s}"),
            .. new[] { "migrationReadingUsers", "migrationPreviewing" }.SelectMany(p => new[] { p, $"{p}Title", $"{p}Ready", $"{p}Failed", $"{p}Starting", $"{p}Detail" }),
        ];

        foreach (var language in Enum.GetValues<BotLanguage>())
        {
            var texts = _texts.For(language);
            Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(texts[key])));
        }
    }
}
