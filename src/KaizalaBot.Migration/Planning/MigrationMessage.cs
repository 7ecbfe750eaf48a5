namespace KaizalaBot.Migration.Planning;

/// <summary>
/// A reason or finding as data: a stable <see cref="Code"/> (listed in the project README) and its arguments. The host
/// renders it in the seller's language, so the engine never formats user-facing text itself.
/// </summary>
public sealed record MigrationMessage(string Code, IReadOnlyDictionary<string, string> Arguments)
{
    public static MigrationMessage Of(string code, params (string Name, object Value)[] arguments) =>
        new(code, arguments.ToDictionary(
            a => a.Name,
            a => Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            StringComparer.Ordinal));
}
