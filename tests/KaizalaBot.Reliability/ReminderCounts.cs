using System.Globalization;

namespace KaizalaBot.Reliability;

/// <summary>
/// The reminders of a fault run, counted from the sellers' chat connector's carried-out calls only: the (subscription,
/// occasion, seller) reminders due in the simulator's world, those shown (on a digest the connector took), those shown in
/// more than one message, those never shown, and subscriptions shown that were not due; beside them, headers left without
/// a digest (a header Teams showed but whose answer was lost: the bot posts another), the calls the connector failed
/// (429, 500, 503, not carried out) and the answers it lost (carried out).
/// </summary>
public sealed record ReminderCounts(int Due, int Delivered, int Twice, int Missing, int NotDue, int EmptyHeaders, int Faults, int LostAnswers)
{
    public bool Clean => Due > 0 && Delivered == Due && Twice == 0 && Missing == 0 && NotDue == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Due,6} {Delivered,5} {Twice,6} {Missing,5} {NotDue,6} {EmptyHeaders,4} {Faults,6} {LostAnswers,5}");

    /// <summary>The columns of <see cref="ToString"/>.</summary>
    public const string Header = "  rdue rshow rtwice rmiss rundue hdr0 rfault  lost";
}
