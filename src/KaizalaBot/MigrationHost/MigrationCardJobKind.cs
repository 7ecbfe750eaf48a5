namespace KaizalaBot.MigrationHost;

public enum MigrationCardJobKind
{
    /// <summary>Update the migration's card in place.</summary>
    Progress,

    /// <summary>Update the card and tell the seller, once, that the migration needs them.</summary>
    Attention,

    /// <summary>Ask the Admin agents who installed the bot, once each.</summary>
    Approval,

    /// <summary>Tell the seller, once, that an Admin agent approved.</summary>
    Approved,

    /// <summary>Update the card to its final state and post the summary, once.</summary>
    Finished,
}
