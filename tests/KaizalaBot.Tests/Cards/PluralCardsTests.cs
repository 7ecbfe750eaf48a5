using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.PartnerCenter.Models;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Tests.Cards;

/// <summary>
/// Rendered cards say "1 day", not "1 days": the last-day reminder every lapsing subscription gets (lead time 1). The
/// templates leave every count's wording to the text layer (a one-user migration's card: <see cref="MigrationCardsTests"/>).
/// </summary>
public sealed partial class PluralCardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly BotTexts _texts = new();

    [Theory]
    [InlineData(BotLanguage.English, "Ends in 1 day", "Ends in 2 days")]
    [InlineData(BotLanguage.French, "Se termine dans 1 jour", "Se termine dans 2 jours")]
    public void ReminderDigest_OneDayLeft_SaysDaySingular(BotLanguage language, string oneDay, string twoDays)
    {
        var builder = new ExpiryCardBuilder(new CardRenderer(), new FakeTimeProvider(Now));
        var digest = new ReminderDigest(
            new ReminderRecipient { Kind = ReminderRecipientKind.Seller, TenantId = "tenant-1", AadObjectId = "aad-1" },
            [Reminder("kaizala-1", Now.AddHours(36)), Reminder("kaizala-2", Now.AddHours(60))],
            MoreCount: 0);

        var texts = Texts(builder.Digest(digest, _texts.For(language)));

        Assert.Contains(oneDay, texts);
        Assert.Contains(twoDays, texts);
    }

    [Fact]
    public void Templates_PutNoModelValueNextToWords_SoEveryCountIsWordedByTheTextLayer()
    {
        // A template writing "${count} users" could not choose the form; the model must carry the worded text instead.
        var mixed = Enum.GetValues<CardTemplate>()
            .SelectMany(template => Strings(Template(template)).Select(text => (template, text)))
            .Where(t => t.text.Contains("${", StringComparison.Ordinal) && WordsBesideAnExpression().IsMatch(t.text))
            .Select(t => $"{t.template}: {t.text}")
            .ToList();

        Assert.Empty(mixed);
    }

    [Fact]
    public void Templates_BindNoCountingTextDirectly()
    {
        var english = _texts.For(BotLanguage.English);
        var counting = Enum.GetValues<CardTemplate>()
            .SelectMany(template => TextKey().Matches(Template(template).ToJsonString()).Select(m => m.Groups[1].Value))
            .Where(key => PluralText.Arguments(english[key]).Count > 0)
            .ToList();

        Assert.Empty(counting);
    }

    private static ReminderItem Reminder(string subscriptionId, DateTimeOffset end) => new()
    {
        CustomerId = "customer-1",
        CompanyName = "Alpine Ski House SAS",
        Occasion = "lead-1",
        Subscription = new KaizalaSubscriptionSummary
        {
            CustomerId = "customer-1", SubscriptionId = subscriptionId, Status = SubscriptionStatus.Active, Seats = 1, AssignedUsers = 1, EndDate = end,
        },
    };

    private static List<string> Texts(Attachment attachment) => [.. ShownCard.Texts(JsonNode.Parse(attachment.Content!.Value.GetRawText()))];

    private static JsonNode Template(CardTemplate template)
    {
        using var stream = typeof(CardRenderer).Assembly.GetManifestResourceStream($"KaizalaBot.Cards.Templates.{template}.json")!;
        return JsonNode.Parse(stream)!;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    // A letter outside ${…}: markup around an expression ("**${name}**: ${reason}") is not a word.
    [GeneratedRegex(@"(?:^|\})[^$]*\p{L}")]
    private static partial Regex WordsBesideAnExpression();

    [GeneratedRegex(@"\bt\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex TextKey();

}
