using System.Collections.Immutable;

namespace KaizalaBot.PartnerCenter.Simulator.Catalog;

/// <summary>
/// Every replacement plan of the Kaizala partner guidance (architecture §1) plus Kaizala Pro itself. Ids come from
/// shared/reference/partner-center-api.md §4.3/§4.4. Where that table has ✘ the simulator invents ids that are
/// recognisable on sight: GUIDs starting <c>5eed</c>, product and availability ids starting <c>SIM</c>.
/// </summary>
internal static class PlanCatalog
{
    /// <summary>The offer matrix gives Business plans 300 seats; other plans' limits are not in the reference (✘).</summary>
    public const int BusinessMaximumQuantity = 300;

    public const int DefaultMaximumQuantity = 10_000;

    private static readonly ServicePlanInfo ExchangePlan1 = new("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD", "Exchange Online (Plan 1)");
    private static readonly ServicePlanInfo ExchangePlan2 = new("efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE", "Exchange Online (Plan 2)");
    private static readonly ServicePlanInfo ExchangeKiosk = new("4a82b400-a79f-41a4-b4e2-e94f5787b113", "EXCHANGE_S_DESKLESS", "Exchange Online Kiosk");
    private static readonly ServicePlanInfo Teams = new("57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1", "Microsoft Teams");
    private static readonly ServicePlanInfo KaizalaP1 = new("73b2a583-6a59-42e3-8e83-54db46bc3278", "KAIZALA_O365_P1", "Microsoft Kaizala Pro Plan 1");
    private static readonly ServicePlanInfo KaizalaP2 = new("54fc630f-5a40-48ee-8965-af0503c1386e", "KAIZALA_O365_P2", "Microsoft Kaizala Pro Plan 2");
    private static readonly ServicePlanInfo KaizalaP3 = new("aebd3021-9f8f-4bf8-bbe3-0ed2f4f047a1", "KAIZALA_O365_P3", "Microsoft Kaizala Pro Plan 3");
    private static readonly ServicePlanInfo KaizalaStandalone = new("0898bdbb-73b0-471a-81e5-20f1fe4dd66e", "KAIZALA_STANDALONE", "Microsoft Kaizala");

    // Invented: the standalone SKU's own service plan is unknown (reference §4.4 ✘).
    public static readonly ServicePlanInfo KaizalaProPlan = new("5eed0000-0000-4000-8000-00000000c001", "KAIZALA_PRO_STANDALONE", "Microsoft Kaizala Pro (simulated)");

    /// <summary>Kaizala Pro standalone: no longer purchasable. skuPartNumber follows the one third-party hint; ids invented.</summary>
    public static readonly CatalogPlan KaizalaPro = new()
    {
        Title = "Kaizala Pro", SkuPartNumber = "KAIZALA_PRO", SkuId = "5eed0000-0000-4000-8000-00000000ca1a",
        ProductId = "SIMKAIZALA01", SkuCode = "0001", AvailabilityId = "SIMAV0000000",
        LegacyOfferId = "5EED0000-0000-4000-8000-00000000CA11", Segment = "commercial",
        ServicePlans = [KaizalaProPlan], IsPurchasable = false, HasInventedIds = true,
    };

    public static readonly ImmutableArray<CatalogPlan> ReplacementPlans =
    [
        Plan("Microsoft 365 Business Basic", "O365_BUSINESS_ESSENTIALS", "3b555118-da6a-4418-894f-7df1e2096870", "CFQ7TTC0LH18", "0001", "CFQ7TTC0K971", null, "commercial", [ExchangePlan1, Teams]),
        Plan("Microsoft 365 Business Standard", "O365_BUSINESS_PREMIUM", "f245ecc8-75af-4f8e-b61f-27d8114de5f3", "CFQ7TTC0LDPB", "0001", "SIMAV0000002", "031C9E47-4802-4248-838E-778FB1D2CC05", "commercial", [ExchangePlan1, Teams], invented: true),
        Plan("Microsoft 365 Business Premium", "SPB", "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46", "CFQ7TTC0LCHC", "0002", "SIMAV0000003", null, "commercial", [ExchangePlan1, Teams], invented: true),
        Plan("Microsoft 365 F3", "SPE_F1", "66b55226-6b4f-492c-910c-a3b7a3c9d993", "CFQ7TTC0LH05", "0001", "SIMAV0000004", null, "commercial", [ExchangeKiosk, Teams, KaizalaP1], invented: true),
        Plan("Office 365 F3", "DESKLESSPACK", "4b585984-651b-448a-9e53-3b10f069cf7f", "CFQ7TTC0LGZW", "0001", "SIMAV0000005", null, "commercial", [ExchangeKiosk, Teams, KaizalaP1], invented: true),
        Plan("Office 365 E1", "STANDARDPACK", "18181a46-0d4e-45cd-891e-60aabd171b4e", "CFQ7TTC0LF8Q", "0001", "CFQ7TTC0K39X", "91FD106F-4B2C-4938-95AC-F54F74E9A239", "commercial", [ExchangePlan1, Teams, KaizalaP2]),
        Plan("Office 365 E3", "ENTERPRISEPACK", "6fd2c87f-b296-42f0-b197-1e91e994b900", "CFQ7TTC0LF8R", "0001", "CFQ7TTC0KCSV", "796B6B5F-613C-4E24-A17C-EBA730D49C02", "commercial", [ExchangePlan2, Teams, KaizalaP3]),
        Plan("Office 365 E5", "ENTERPRISEPREMIUM", "c7df2760-2c81-4ef7-b578-5b5392b571df", "CFQ7TTC0LF8S", "0001", "CFQ7TTC0VZW5", null, "commercial", [ExchangePlan2, Teams, KaizalaStandalone]),
        Plan("Microsoft 365 E3", "SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965", "CFQ7TTC0LFLX", "0001", "SIMAV0000009", null, "commercial", [ExchangePlan2, Teams], invented: true),
        Plan("Microsoft 365 E5", "SPE_E5", "06ebc4ee-1bb5-47dd-8120-11324bc54e06", "CFQ7TTC0LFLZ", "0002", "CFQ7TTC0K4TS", null, "commercial", [ExchangePlan2, Teams, KaizalaStandalone]),
        Plan("Microsoft 365 A1", "SIM_M365EDU_A1", "5eed0000-0000-4000-8000-0000000000a1", "SIMEDU0M365A1", "0001", "SIMAV0000011", null, "education", [ExchangePlan1, Teams], invented: true),
        Plan("Office 365 A1", "SIM_STANDARDWOFFPACK_STUDENT", "5eed0000-0000-4000-8000-0000000001a1", "SIMEDU0O365A1", "0001", "SIMAV0000012", null, "education", [ExchangePlan1, Teams], invented: true),
        Plan("Microsoft 365 A3 for faculty", "M365EDU_A3_FACULTY", "4b590615-0888-425a-a965-b3bf7789848d", "SIMEDU0M365A3", "0001", "SIMAV0000013", null, "education", [ExchangePlan2, Teams], invented: true),
        Plan("Office 365 A3 for faculty", "SIM_ENTERPRISEPACKPLUS_FACULTY", "5eed0000-0000-4000-8000-0000000001a3", "SIMEDU0O365A3", "0001", "SIMAV0000014", null, "education", [ExchangePlan2, Teams], invented: true),
        Plan("Microsoft 365 A5 for students", "M365EDU_A5_STUDENT", "46c119d4-0379-4a9d-85e4-97c66d3f909e", "SIMEDU0M365A5", "0001", "SIMAV0000015", null, "education", [ExchangePlan2, Teams, KaizalaStandalone], invented: true),
        Plan("Office 365 A5 for students", "ENTERPRISEPREMIUM_STUDENT", "ee656612-49fa-43e5-b67e-cb1fdf7699df", "SIMEDU0O365A5", "0001", "SIMAV0000016", null, "education", [ExchangePlan2, Teams, KaizalaStandalone], invented: true),
    ];

    public static readonly ImmutableArray<CatalogPlan> AllPlans = [KaizalaPro, .. ReplacementPlans];

    public static CatalogPlan? FindBySkuId(string skuId) =>
        AllPlans.FirstOrDefault(p => string.Equals(p.SkuId, skuId, StringComparison.OrdinalIgnoreCase));

    public static CatalogPlan? FindByProduct(string productId) =>
        AllPlans.FirstOrDefault(p => string.Equals(p.ProductId, productId, StringComparison.OrdinalIgnoreCase));

    public static CatalogPlan? FindByLegacyOfferId(string offerId) =>
        AllPlans.FirstOrDefault(p => string.Equals(p.LegacyOfferId, offerId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Accepts a full catalog item id; the availability part must be the current one, as in Partner Center.</summary>
    public static CatalogPlan? FindByCatalogItemId(string catalogItemId) =>
        ReplacementPlans.FirstOrDefault(p => string.Equals(p.CatalogItemId, catalogItemId, StringComparison.OrdinalIgnoreCase));

    private static CatalogPlan Plan(
        string title, string skuPartNumber, string skuId, string productId, string skuCode, string availabilityId,
        string? legacyOfferId, string segment, ImmutableArray<ServicePlanInfo> servicePlans, bool invented = false) =>
        new()
        {
            Title = title, SkuPartNumber = skuPartNumber, SkuId = skuId, ProductId = productId, SkuCode = skuCode,
            AvailabilityId = availabilityId, LegacyOfferId = legacyOfferId, Segment = segment,
            ServicePlans = servicePlans, HasInventedIds = invented,
            MaximumQuantity = title.StartsWith("Microsoft 365 Business ", StringComparison.Ordinal) ? BusinessMaximumQuantity : DefaultMaximumQuantity,
        };
}
