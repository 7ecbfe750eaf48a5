using System.Collections.Immutable;

namespace KaizalaBot.Migration.Catalog;

/// <summary>
/// Every replacement plan of architecture §1 with the ids of reference §4.3 and, where the reference has none (✘),
/// the simulator's invented ones (GUIDs starting <c>5eed</c>, products starting <c>SIM</c>). A partner adjusts ids in
/// configuration (<see cref="PlanOverrideOptions"/>); availabilities are never stored here.
/// </summary>
internal static class DefaultPlans
{
    private const int BusinessMaximumSeats = 300;

    private static readonly LocalizedText Teams = new(
        "Microsoft Teams chat, meetings and calls, which replace Kaizala groups",
        "Chat, réunions et appels Microsoft Teams, qui remplacent les groupes Kaizala");

    private static readonly LocalizedText WebApps = new(
        "Outlook, Word, Excel and PowerPoint on the web and on mobile",
        "Outlook, Word, Excel et PowerPoint sur le web et sur mobile");

    private static readonly LocalizedText DesktopApps = new(
        "The installed Office apps on up to 5 PCs or Macs per user",
        "Les applications Office installées sur 5 PC ou Mac par utilisateur");

    private static readonly LocalizedText Mailbox = new(
        "A business mailbox of 50 GB and 1 TB of OneDrive storage",
        "Une boîte aux lettres professionnelle de 50 Go et 1 To de stockage OneDrive");

    private static readonly LocalizedText LargeMailbox = new(
        "A 100 GB mailbox, unlimited archiving and 1 TB+ of OneDrive",
        "Une boîte aux lettres de 100 Go, l'archivage illimité et 1 To ou plus de OneDrive");

    private static readonly LocalizedText Security = new(
        "Advanced security: Intune device management, Defender and Conditional Access",
        "Sécurité avancée : gestion des appareils Intune, Defender et accès conditionnel");

    private static readonly LocalizedText Windows = new(
        "Windows Enterprise licences and device management included",
        "Licences Windows Entreprise et gestion des appareils incluses");

    private static readonly LocalizedText FrontlineFit = new(
        "Priced for frontline workers who use a shared or mobile device",
        "Tarif conçu pour le personnel de terrain sur appareil partagé ou mobile");

    private static readonly LocalizedText Compliance = new(
        "Premium compliance, eDiscovery and Teams Phone / audio conferencing",
        "Conformité avancée, eDiscovery et Teams Phone / audioconférence");

    private static readonly LocalizedText EducationPrice = new(
        "Academic pricing for schools and universities",
        "Tarif éducation pour les écoles et universités");

    private static readonly LocalizedText KaizalaIncluded = new(
        "Keeps a Kaizala service plan during the move to Teams",
        "Conserve un plan de service Kaizala pendant le passage à Teams");

    public static ImmutableArray<ReplacementPlan> All { get; } =
    [
        Plan("m365-business-basic", "Microsoft 365 Business Basic", PlanFamily.Business, "commercial", "3b555118-da6a-4418-894f-7df1e2096870", "O365_BUSINESS_ESSENTIALS", "CFQ7TTC0LH18", "0001", 1, BusinessMaximumSeats, Teams, WebApps, Mailbox),
        Plan("m365-business-standard", "Microsoft 365 Business Standard", PlanFamily.Business, "commercial", "f245ecc8-75af-4f8e-b61f-27d8114de5f3", "O365_BUSINESS_PREMIUM", "CFQ7TTC0LDPB", "0001", 2, BusinessMaximumSeats, Teams, WebApps, DesktopApps, Mailbox),
        Plan("m365-business-premium", "Microsoft 365 Business Premium", PlanFamily.Business, "commercial", "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46", "SPB", "CFQ7TTC0LCHC", "0002", 3, BusinessMaximumSeats, Teams, DesktopApps, Mailbox, Security),
        Plan("m365-f3", "Microsoft 365 F3", PlanFamily.Frontline, "commercial", "66b55226-6b4f-492c-910c-a3b7a3c9d993", "SPE_F1", "CFQ7TTC0LH05", "0001", 2, null, FrontlineFit, Teams, WebApps, Windows, KaizalaIncluded),
        Plan("o365-f3", "Office 365 F3", PlanFamily.Frontline, "commercial", "4b585984-651b-448a-9e53-3b10f069cf7f", "DESKLESSPACK", "CFQ7TTC0LGZW", "0001", 1, null, FrontlineFit, Teams, WebApps, KaizalaIncluded),
        Plan("o365-e1", "Office 365 E1", PlanFamily.Enterprise, "commercial", "18181a46-0d4e-45cd-891e-60aabd171b4e", "STANDARDPACK", "CFQ7TTC0LF8Q", "0001", 1, null, Teams, WebApps, Mailbox, KaizalaIncluded),
        Plan("o365-e3", "Office 365 E3", PlanFamily.Enterprise, "commercial", "6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", "CFQ7TTC0LF8R", "0001", 2, null, Teams, DesktopApps, LargeMailbox, KaizalaIncluded),
        Plan("m365-e3", "Microsoft 365 E3", PlanFamily.Enterprise, "commercial", "05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", "CFQ7TTC0LFLX", "0001", 3, null, Teams, DesktopApps, LargeMailbox, Security, Windows),
        Plan("o365-e5", "Office 365 E5", PlanFamily.Enterprise, "commercial", "c7df2760-2c81-4ef7-b578-5b5392b571df", "ENTERPRISEPREMIUM", "CFQ7TTC0LF8S", "0001", 4, null, Teams, DesktopApps, LargeMailbox, Compliance, KaizalaIncluded),
        Plan("m365-e5", "Microsoft 365 E5", PlanFamily.Enterprise, "commercial", "06ebc4ee-1bb5-47dd-8120-11324bc54e06", "SPE_E5", "CFQ7TTC0LFLZ", "0002", 5, null, Teams, DesktopApps, LargeMailbox, Security, Windows, Compliance, KaizalaIncluded),
        Plan("m365-a1", "Microsoft 365 A1", PlanFamily.Education, "education", "5eed0000-0000-4000-8000-0000000000a1", "SIM_M365EDU_A1", "SIMEDU0M365A1", "0001", 1, null, EducationPrice, Teams, WebApps),
        Plan("o365-a1", "Office 365 A1", PlanFamily.Education, "education", "5eed0000-0000-4000-8000-0000000001a1", "SIM_STANDARDWOFFPACK_STUDENT", "SIMEDU0O365A1", "0001", 2, null, EducationPrice, Teams, WebApps),
        Plan("m365-a3", "Microsoft 365 A3", PlanFamily.Education, "education", "4b590615-0888-425a-a965-b3bf7789848d", "M365EDU_A3_FACULTY", "SIMEDU0M365A3", "0001", 3, null, EducationPrice, Teams, DesktopApps, Security),
        Plan("o365-a3", "Office 365 A3", PlanFamily.Education, "education", "5eed0000-0000-4000-8000-0000000001a3", "SIM_ENTERPRISEPACKPLUS_FACULTY", "SIMEDU0O365A3", "0001", 4, null, EducationPrice, Teams, DesktopApps),
        Plan("m365-a5", "Microsoft 365 A5", PlanFamily.Education, "education", "46c119d4-0379-4a9d-85e4-97c66d3f909e", "M365EDU_A5_STUDENT", "SIMEDU0M365A5", "0001", 5, null, EducationPrice, Teams, DesktopApps, Security, Compliance, KaizalaIncluded),
        Plan("o365-a5", "Office 365 A5", PlanFamily.Education, "education", "ee656612-49fa-43e5-b67e-cb1fdf7699df", "ENTERPRISEPREMIUM_STUDENT", "SIMEDU0O365A5", "0001", 6, null, EducationPrice, Teams, DesktopApps, Compliance, KaizalaIncluded),
    ];

    private static ReplacementPlan Plan(
        string id, string name, PlanFamily family, string segment, string skuId, string skuPartNumber, string productId,
        string skuCode, int rank, int? maximumSeats, params LocalizedText[] advantages) =>
        new()
        {
            Id = id, Name = name, Family = family, Segment = segment, SkuId = skuId, SkuPartNumber = skuPartNumber,
            ProductId = productId, SkuCode = skuCode, Rank = rank, MaximumSeats = maximumSeats, Advantages = advantages,
        };
}
