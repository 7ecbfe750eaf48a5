namespace KaizalaBot.Migration.Catalog;

/// <summary>
/// A seller-facing sentence in both languages of the bot. Catalogue wording is data (a partner may reword it in
/// configuration), so it travels with the plan rather than living in the host's text tables.
/// </summary>
public sealed record LocalizedText(string En, string Fr)
{
    public string For(string language) =>
        language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? Fr : En;
}
