using KaizalaBot.Localization;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Tests.Localization;

/// <summary>Plural and number blocks in messages: the form the language's rule chooses, the count in its culture.</summary>
public sealed class PluralTextTests
{
    private readonly BotTexts _texts = new();

    [Theory]
    [InlineData(BotLanguage.English, 0, "Move 0 users from Kaizala Pro to E3,")]
    [InlineData(BotLanguage.English, 1, "Move 1 user from Kaizala Pro to E3,")]
    [InlineData(BotLanguage.English, 2, "Move 2 users from Kaizala Pro to E3,")]
    [InlineData(BotLanguage.English, 1500, "Move 1,500 users from Kaizala Pro to E3,")]
    [InlineData(BotLanguage.French, 0, "Transférer 0 utilisateur de Kaizala Pro vers E3,")]
    [InlineData(BotLanguage.French, 1, "Transférer 1 utilisateur de Kaizala Pro vers E3,")]
    [InlineData(BotLanguage.French, 2, "Transférer 2 utilisateurs de Kaizala Pro vers E3,")]
    [InlineData(BotLanguage.French, 1500, "Transférer 1\u202F500 utilisateurs de Kaizala Pro vers E3,")]
    public void Format_ACount_TakesTheLanguagesFormInItsCulture(BotLanguage language, int users, string expected)
    {
        var text = _texts.For(language).Format("migrationReviewMove", users, "E3");

        Assert.StartsWith(expected, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BotLanguage.English, 1, 1500, "Ends in 1 day", "1,500 users")]
    [InlineData(BotLanguage.French, 1, 1500, "Se termine dans 1 jour", "1\u202F500 utilisateurs")]
    [InlineData(BotLanguage.English, 2, 1, "Ends in 2 days", "1 user")]
    [InlineData(BotLanguage.French, 0, 0, "Se termine dans 0 jour", "0 utilisateur")]
    public void Format_IntAndLongCounts_BothChooseTheForm(BotLanguage language, int days, long users, string ends, string listed)
    {
        var texts = _texts.For(language);

        Assert.Equal(ends, texts.Format("reminderEndsInDays", days));
        Assert.EndsWith(listed, texts.Format("migrationListDetail", "Léa", "1 Dec 2026", users), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_AFormattedStringWhereACountIsNeeded_FailsRatherThanGuessingTheForm()
    {
        var texts = _texts.For(BotLanguage.English);

        var error = Assert.Throws<FormatException>(() => texts.Format("migrationReviewMove", texts.Number(1), "E3"));

        Assert.Contains("migrationReviewMove", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_OneLanguageCountsAnArgumentTheOtherOnlyShows_BothInTheirCulture()
    {
        Assert.Equal("1,500 of the 2,000 users holding Kaizala Pro will move.", _texts.For(BotLanguage.English).Format("migrationUsersSummary", 1500, 2000));
        Assert.Equal("1 du 1 utilisateur qui a Kaizala Pro sera transféré.", _texts.For(BotLanguage.French).Format("migrationUsersSummary", 1, 1));
        Assert.Equal("0 des 2 utilisateurs qui ont Kaizala Pro sera transféré.", _texts.For(BotLanguage.French).Format("migrationUsersSummary", 0, 2));
    }

    [Theory]
    [InlineData(BotLanguage.English, "1", "1 user could not be moved (1,500 moved).")]
    [InlineData(BotLanguage.English, "2", "2 users could not be moved (1,500 moved).")]
    [InlineData(BotLanguage.French, "1", "1 utilisateur n'a pas pu être transféré (1\u202F500 transférés).")]
    [InlineData(BotLanguage.French, "2", "2 utilisateurs n'ont pas pu être transférés (1\u202F500 transférés).")]
    public void Text_EngineArgumentsArriveInvariant_ChooseTheFormAndShowInTheCulture(BotLanguage language, string failed, string expected)
    {
        var message = MigrationMessage.Of(MessageCodes.AttentionUsersFailed, ("failed", failed), ("moved", 1500));

        Assert.StartsWith(expected, _texts.For(language).Text(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ActionAgreesWithTheCountToo()
    {
        var one = MigrationMessage.Of(MessageCodes.UsersNoUsageLocation, ("count", 1), ("users", "Megan"));
        var two = MigrationMessage.Of(MessageCodes.UsersNoUsageLocation, ("count", 2), ("users", "Megan, Alex"));
        var french = _texts.For(BotLanguage.French);

        Assert.Contains("excluez-le ; sinon il échouera", french.Action(one), StringComparison.Ordinal);
        Assert.Contains("excluez-les ; sinon ils échoueront", french.Action(two), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ACountArgumentMissingOrNotANumber_TakesOtherAndLeavesWhatItHasVisible()
    {
        var english = _texts.For(BotLanguage.English);

        Assert.StartsWith("{failed} users could not be moved (many moved)", english.Text(MigrationMessage.Of(MessageCodes.AttentionUsersFailed, ("moved", "many"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{n, plural, one {# user}}", "'other'")]
    [InlineData("{n, plural, one {# user} few {# users} other {# users}}", "'few'")]
    [InlineData("{n, plural, one {# user} other {# users} other {# people}}", "'other'")]
    [InlineData("{n, plural, one {# user} other {# users}", "Unbalanced")]
    [InlineData("{n, plural, one {# user} other}", "no {branch}")]
    [InlineData("{, plural, other {# users}}", "argument name")]
    public void Arguments_AMalformedBlock_IsAFormatErrorNamingTheProblem(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => PluralText.Arguments(text));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_EveryBranchAndNumberBlockCounted_PlainPlaceholdersNot()
    {
        var arguments = PluralText.Arguments("{0} {1, plural, one {# of {2}} other {{3, plural, one {#} other {# more}} of {2}}} ({4, number}) {5,10}");

        Assert.Equal(["1", "3", "4"], arguments);
    }
}
