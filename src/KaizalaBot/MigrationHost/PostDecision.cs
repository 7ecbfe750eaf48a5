namespace KaizalaBot.MigrationHost;

/// <summary>What a once-only post's claim found in <c>migration-cards/{id}</c>.</summary>
internal enum PostDecision
{
    /// <summary>Nobody delivered it nor is sending it: this instance claimed it and sends it.</summary>
    Send,

    /// <summary>Delivered before (or its conversation was gone).</summary>
    Delivered,

    /// <summary>Another instance claimed it within the claim's lifetime and is taken to be sending it.</summary>
    InOtherHands,
}
