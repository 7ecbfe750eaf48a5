namespace KaizalaBot.Migration.Reminders;

/// <summary>The answer to taking or handing back a customer.</summary>
public enum OwnershipStatus
{
    /// <summary>Done: the customer is now the seller's (or handed back).</summary>
    Done,

    /// <summary>The seller already owns it (taking) — nothing changed.</summary>
    AlreadyYours,

    /// <summary>Another seller owns it; <see cref="OwnershipResult.Owner"/> says who.</summary>
    OwnedByOther,

    /// <summary>Nobody owns it (handing back) — nothing changed.</summary>
    NotOwned,

    /// <summary>The seller may not migrate (no Partner Center role, other tenant); refused and audited.</summary>
    Refused,
}
