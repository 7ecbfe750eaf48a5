using KaizalaBot.Migration.Catalog;

namespace KaizalaBot.Migration.Planning;

/// <summary>
/// The licence count a seller may ask for: at least the users to move (less the free seats of a subscription seats
/// are added to), never beyond what one subscription of the plan may hold.
/// </summary>
public static class LicenceCountRules
{
    /// <param name="plan">Target plan.</param>
    /// <param name="usersToMove">Selected users.</param>
    /// <param name="requested">New subscription: its quantity. Add seats: the seats to add.</param>
    /// <param name="existing">The subscription seats are added to, or null for a new one.</param>
    public static LicenceCountDecision Check(ReplacementPlan plan, int usersToMove, int requested, HeldPlan? existing)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var minimum = existing is null
            ? Math.Max(usersToMove, plan.MinimumSeats)
            : Math.Max(0, usersToMove - existing.FreeSeats);
        int? maximum = plan.MaximumSeats is { } max ? max - (existing?.Quantity ?? 0) : null;

        if (maximum is { } m && minimum > m)
        {
            return new(false, minimum, maximum, MigrationMessage.Of(
                MessageCodes.LicencesImpossible, ("users", usersToMove), ("maximum", plan.MaximumSeats!.Value), ("plan", plan.Name)));
        }

        if (requested < minimum)
        {
            return new(false, minimum, maximum, MigrationMessage.Of(
                MessageCodes.LicencesBelowUsers, ("requested", requested), ("minimum", minimum)));
        }

        if (maximum is { } limit && requested > limit)
        {
            return new(false, minimum, maximum, MigrationMessage.Of(
                MessageCodes.LicencesAboveMaximum, ("requested", requested), ("maximum", limit), ("plan", plan.Name)));
        }

        return new(true, minimum, maximum, null);
    }
}
