namespace KaizalaBot.HostileInput;

/// <summary>Recognises a response body that leaks an exception: its type name, a stack frame, or an error page.</summary>
internal static class ResponseCheck
{
    private static readonly string[] LeakMarkers =
    [
        "Exception", "   at ", "StackTrace", "System.", "Microsoft.AspNetCore.", "KaizalaBot.BotFramework.", ".cs:line",
        "<!DOCTYPE", "<html",
    ];

    public static bool LeaksExceptionText(string body) =>
        LeakMarkers.Any(marker => body.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
