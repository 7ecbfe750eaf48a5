using System.Globalization;

namespace KaizalaBot.Localization;

/// <summary>Numbers and dates in the seller's language (1,500 / 1 500; 1 Mar 2027 / 1 mars 2027).</summary>
public static class TextFormats
{
    public static string Number(this TextTable texts, long value)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return value.ToString("N0", texts.Culture);
    }

    public static string Date(this TextTable texts, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return value.UtcDateTime.ToString("d MMM yyyy", texts.Culture);
    }

    /// <summary>A time of day in UTC (14:05 UTC), for what happens within the hour.</summary>
    public static string Time(this TextTable texts, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return value.UtcDateTime.ToString("HH:mm", texts.Culture) + " UTC";
    }

    public static string DateTime(this TextTable texts, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return value.UtcDateTime.ToString("d MMM yyyy HH:mm", texts.Culture) + " UTC";
    }
}
