namespace KaizalaBot.Dialogs.Migration;

public enum LiveViewKind
{
    /// <summary>The customer's users being read (one licence read per user).</summary>
    Users,

    /// <summary>The full preview: every check, each selected user read again.</summary>
    Preview,
}
