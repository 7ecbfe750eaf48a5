using System.Globalization;
using System.Text;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Localization;

/// <summary>
/// Renders the engine's <see cref="MigrationMessage"/> codes (reasons, findings, failures) in the seller's language:
/// the text of key <c>{code}</c> (for <c>seller.notEntitled</c>, <c>{code}.{reason}</c>), its <c>{name}</c> placeholders
/// filled from the message's arguments, and for the codes that call for one a "what to do" text <c>{code}.action</c>.
/// </summary>
public static class MessageTexts
{
    /// <summary>The reasons <c>seller.notEntitled</c> comes with (each has its own polite text).</summary>
    public static IReadOnlyList<string> RefusalReasons { get; } = ["notPartnerTenant", "noPartnerCenterRole", "notAdminAgent", "notOwner"];

    private const string DateKind = "date";

    // Reasons and information need no advice: plan reasons explain a recommendation, info findings state facts.
    private static readonly string[] NoActionPrefixes = ["recommend.", "plan.educationOnly", "plan.seatLimit"];
    private static readonly string[] NoActionCodes = [MessageCodes.SourceSeats, MessageCodes.TargetFreeSeats, MessageCodes.UsersAlreadyMoved];

    public static string Text(this TextTable texts, MigrationMessage message)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(message);
        return Fill(texts, texts[KeyOf(message)], message.Arguments);
    }

    /// <summary>What the seller should do about <paramref name="message"/>, or null for codes that need nothing.</summary>
    public static string? Action(this TextTable texts, MigrationMessage message)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(message);
        return NeedsAction(message.Code) ? Fill(texts, texts[KeyOf(message) + ".action"], message.Arguments) : null;
    }

    /// <summary>True for codes whose text must be followed by a "what to do" text (findings that warn or block, failures, attention).</summary>
    public static bool NeedsAction(string code) =>
        !NoActionPrefixes.Any(prefix => code.StartsWith(prefix, StringComparison.Ordinal)) && !NoActionCodes.Contains(code);

    private static string KeyOf(MigrationMessage message) =>
        message.Code == MessageCodes.SellerNotEntitled
            && message.Arguments.TryGetValue("reason", out var reason) && RefusalReasons.Contains(reason)
            ? $"{message.Code}.{reason}"
            : message.Code;

    // {name} placeholders; an argument the text does not use is simply left out, a placeholder without argument stays visible.
    // Counts arrive invariant-formatted ("1500"): a plural block chooses its form by them and writes them in the culture.
    private static string Fill(TextTable texts, string template, IReadOnlyDictionary<string, string> arguments)
    {
        var text = PluralText.Expand(template, texts, name =>
            arguments.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
                ? count
                : null);
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (close < 0)
            {
                builder.Append(text, position, text.Length - position);
                break;
            }

            builder.Append(text, position, open - position);
            builder.Append(Argument(texts, text[(open + 1)..close], arguments) ?? text[open..(close + 1)]);
            position = close + 1;
        }

        return builder.ToString();
    }

    // {name}, or ICU's {name, date}: the engine sends dates invariant ("2027-03-01"), the seller reads "1 mars 2027".
    private static string? Argument(TextTable texts, string placeholder, IReadOnlyDictionary<string, string> arguments)
    {
        var parts = placeholder.Split(',', 2, StringSplitOptions.TrimEntries);
        if (!arguments.TryGetValue(parts[0], out var value))
        {
            return null;
        }

        return parts is [_, DateKind] && DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? texts.Date(date)
            : value;
    }
}
