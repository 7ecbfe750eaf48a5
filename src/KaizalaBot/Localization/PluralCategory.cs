namespace KaizalaBot.Localization;

/// <summary>
/// The CLDR plural categories our languages use for whole numbers. English and French need only these two; French
/// <c>many</c> (1 000 000 and up, "de") is left out because no count the bot shows comes near it.
/// </summary>
public enum PluralCategory
{
    One,
    Other,
}
