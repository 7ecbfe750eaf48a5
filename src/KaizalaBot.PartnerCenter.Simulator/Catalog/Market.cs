namespace KaizalaBot.PartnerCenter.Simulator.Catalog;

/// <summary>Currency of a market and the simulator's (invented) monthly list prices.</summary>
internal static class Market
{
    public static (string Code, string Symbol) Currency(string country) => country.ToUpperInvariant() switch
    {
        "FR" or "DE" or "BE" or "NL" or "ES" => ("EUR", "€"),
        "GB" => ("GBP", "£"),
        "CA" => ("CAD", "CA$"),
        _ => ("USD", "US$"),
    };

    public static decimal MonthlyListPrice(CatalogPlan plan) => plan.SkuPartNumber switch
    {
        "O365_BUSINESS_ESSENTIALS" => 6.00m,
        "O365_BUSINESS_PREMIUM" => 12.50m,
        "SPB" => 22.00m,
        "SPE_F1" => 8.00m,
        "DESKLESSPACK" => 4.00m,
        "STANDARDPACK" => 10.00m,
        "ENTERPRISEPACK" => 23.00m,
        "ENTERPRISEPREMIUM" => 38.00m,
        "SPE_E3" => 36.00m,
        "SPE_E5" => 57.00m,
        _ when plan.Segment == "education" => 3.25m,
        _ => 5.00m,
    };
}
