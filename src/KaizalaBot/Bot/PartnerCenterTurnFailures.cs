using System.Globalization;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Localization;
using KaizalaBot.Migration.PartnerCenterAccess;
using KaizalaBot.PartnerCenter;

namespace KaizalaBot.Bot;

/// <summary>
/// A turn that failed on Partner Center (a card's click needing a fresh read while Partner Center is down, or a request
/// it refused) tells the seller so in their language, rather than a generic apology: it is not the bot's fault, nothing
/// was changed (the turn's state is not saved), and whether to retry in a minute or look elsewhere depends on which it was.
/// </summary>
internal sealed class PartnerCenterTurnFailures(BotTexts texts) : ITurnFailureMessages
{
    public string? MessageFor(Exception exception, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        if (Find(exception) is not { } failure)
        {
            return null;
        }

        var table = texts.ForLocale(activity.Locale);
        return failure.IsTransient()
            ? table.Format("turnPartnerCenterUnavailable", Status(failure, table))
            : table.Format("turnPartnerCenterRefused", failure.ErrorCode ?? failure.ErrorCategory.ToString());
    }

    // Thrown as it is, or wrapped (an aggregate of attempts, a step's own exception).
    private static PartnerException? Find(Exception? exception) => exception switch
    {
        null => null,
        PartnerException failure => failure,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null),
        _ => Find(exception.InnerException),
    };

    private static string Status(PartnerException failure, TextTable table) =>
        failure.StatusCode is { } status
            ? table.Format("migrationOutageStatus", ((int)status).ToString(CultureInfo.InvariantCulture))
            : table["migrationOutageNoAnswer"];
}
