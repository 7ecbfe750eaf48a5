using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using KaizalaBot.PartnerCenter.Simulator.Catalog;
using KaizalaBot.PartnerCenter.Simulator.State;

namespace KaizalaBot.PartnerCenter.Simulator.Seeding;

/// <summary>
/// Deterministic demo partner. Each customer is a pure function of (seed, index), and a tenant's users and
/// subscriptions are only built when first touched, so a 10,000-customer partner for benchmarks costs little more
/// than the 40-customer demo.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Seeded, reproducible demo data; nothing secret.")]
internal sealed class DemoWorldGenerator
{
    private static readonly string[] BaseNames =
    [
        "Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Wingtip Toys", "Adventure Works", "Litware",
        "Proseware", "Woodgrove Bank", "Alpine Ski House", "Coho Winery", "Lamna Healthcare", "Margie's Travel",
        "Trey Research", "Wide World Importers", "Fourth Coffee", "Relecloud", "VanArsdel", "Humongous Insurance",
        "Blue Yonder Airlines", "City Power & Light", "Southridge Video", "Consolidated Messenger", "Munson's Pickles",
        "Nod Publishers", "Lucerne Publishing", "A. Datum", "Boulangerie Dupont", "Bellows College",
        "Graphic Design Institute", "School of Fine Art", "Lycée Victor Hugo",
    ];

    private static readonly string[] Countries = ["FR", "US", "DE", "GB", "CA", "BE", "FR", "US", "NL", "ES"];

    private static readonly string[] FirstNames =
    [
        "Alice", "Bruno", "Chloé", "David", "Emma", "François", "Grace", "Hugo", "Inès", "Jack", "Karin", "Léa",
        "Mohamed", "Nina", "Olivia", "Pierre", "Quentin", "Rosa", "Sophie", "Thomas", "Ursula", "Victor", "Wei", "Yasmine",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Dubois", "Smith", "Johnson", "Müller", "Schmidt", "Brown", "Taylor", "Lefebvre", "Peeters",
        "Janssens", "Tremblay", "Roy", "Garcia", "Wilson", "Moreau", "Fischer", "Evans", "Leroy",
    ];

    // Days from today: two already expired, then one inside each default lead time (1, 7, 14, 30 and 60 days).
    private static readonly int[] LeadTimeEndDays = [-10, -3, 1, 5, 12, 25, 45];
    private const int LastEndDay = 120;

    private readonly int _seed;
    private readonly int _customerCount;
    private readonly int _kaizalaCustomerCount;
    private readonly DateTimeOffset _generatedAt;

    public DemoWorldGenerator(int seed, int customerCount, int kaizalaCustomerCount, DateTimeOffset generatedAt)
    {
        _seed = seed;
        _customerCount = customerCount;
        _kaizalaCustomerCount = kaizalaCustomerCount;
        _generatedAt = generatedAt;
    }

    public IReadOnlyList<CustomerRecord> GenerateCustomers()
    {
        var customers = new CustomerRecord[_customerCount];
        for (var i = 0; i < _customerCount; i++)
        {
            customers[i] = GenerateCustomer(i);
        }

        return customers;
    }

    /// <summary>Spreads exactly <c>KaizalaCustomerCount</c> Kaizala customers evenly over the index range.</summary>
    public bool HasKaizala(int index) => KaizalaRank(index) is not null;

    public CustomerRecord GenerateCustomer(int index)
    {
        var random = new Random(Mix(_seed, index, 1));
        var baseName = BaseNames[index % BaseNames.Length];
        var round = index / BaseNames.Length;
        var country = index == 0 ? "FR" : Countries[random.Next(Countries.Length)];
        var isEducation = baseName is "Bellows College" or "Graphic Design Institute" or "School of Fine Art" or "Lycée Victor Hugo";
        var name = round == 0 ? baseName : string.Create(CultureInfo.InvariantCulture, $"{baseName} {round + 1}");
        var companyName = isEducation ? name : $"{name} {LegalSuffix(country)}";
        var domain = DomainLabel(name) + (round == 0 ? "" : round.ToString(CultureInfo.InvariantCulture)) + ".onmicrosoft.com";
        return new CustomerRecord
        {
            Id = NewGuid(random),
            Index = index,
            CompanyName = companyName,
            Domain = domain,
            Country = country,
            Segment = isEducation ? "education" : "commercial",
            City = City(country),
            PostalCode = random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture),
            AddressLine1 = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 200)} Main Street"),
            Email = "admin@" + domain,
            CommerceId = NewGuid(random),
        };
    }

    public TenantState GenerateTenant(CustomerRecord customer)
    {
        var random = new Random(Mix(_seed, customer.Index, 2));
        var tenant = new TenantState(customer.Id);
        var userCount = UserCount(customer.Index, random);
        var users = new List<UserRecord>(userCount);
        for (var u = 0; u < userCount; u++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            // Roughly one user in twelve, and always the third one, has no usage location: Entra cannot license them.
            var hasLocation = u != 2 && random.Next(12) != 0;
            users.Add(new UserRecord
            {
                Id = NewGuid(random),
                UserPrincipalName = string.Create(CultureInfo.InvariantCulture, $"{DomainLabel(first)}.{DomainLabel(last)}{u + 1}@{customer.Domain}"),
                FirstName = first,
                LastName = last,
                DisplayName = $"{first} {last}",
                UsageLocation = hasLocation ? customer.Country : null,
            });
        }

        var kaizalaHolders = 0;
        if (KaizalaRank(customer.Index) is { } rank)
        {
            kaizalaHolders = Math.Max(1, (int)(userCount * (0.3 + (0.6 * random.NextDouble()))));
            var spare = random.Next(0, 6);
            var endDate = KaizalaEndDate(rank);
            var kaizala = new SubscriptionRecord
            {
                Id = NewGuid(random),
                OfferId = PlanCatalog.KaizalaPro.LegacyOfferId!,
                OfferName = "Kaizala Pro",
                FriendlyName = "Kaizala Pro",
                SkuId = PlanCatalog.KaizalaPro.SkuId,
                IsNce = false,
                Quantity = kaizalaHolders + spare,
                CreationDate = endDate.AddYears(-2),
                EffectiveStartDate = endDate.AddYears(-1),
                CommitmentEndDate = endDate,
                Status = endDate < _generatedAt ? "expired" : "active",
                AutoRenewEnabled = false,
                BillingCycle = "annual",
                TermDuration = "P1Y",
                OrderId = NewGuid(random).ToUpperInvariant(),
            };
            tenant.Subscriptions[kaizala.Id] = kaizala;
            for (var u = 0; u < kaizalaHolders; u++)
            {
                users[u] = users[u] with { AssignedSkuIds = [PlanCatalog.KaizalaPro.SkuId] };
            }
        }

        var ordinary = OrdinaryPlan(customer, random);
        var others = userCount - kaizalaHolders;
        var ordinaryQuantity = Math.Max(1, others + random.Next(0, 4));
        if (ordinaryQuantity > ordinary.MaximumQuantity)
        {
            // The demo world stays within the real limits: no Business subscription above 300 seats (reference §4.2).
            ordinary = PlanCatalog.ReplacementPlans.First(p => p.Title == "Office 365 E3");
        }

        var ordinaryEnd = new DateTimeOffset(_generatedAt.Date, TimeSpan.Zero).AddDays(random.Next(30, 330));
        var ordinarySubscription = new SubscriptionRecord
        {
            Id = NewGuid(random),
            OfferId = ordinary.LegacyOfferId ?? ordinary.CatalogItemId,
            OfferName = ordinary.Title,
            FriendlyName = ordinary.Title,
            SkuId = ordinary.SkuId,
            IsNce = ordinary.LegacyOfferId is null,
            Quantity = ordinaryQuantity,
            CreationDate = ordinaryEnd.AddYears(-1),
            EffectiveStartDate = ordinaryEnd.AddYears(-1),
            CommitmentEndDate = ordinaryEnd,
            Status = "active",
            AutoRenewEnabled = true,
            BillingCycle = ordinary.LegacyOfferId is null ? "monthly" : "annual",
            TermDuration = "P1Y",
            OrderId = ordinary.LegacyOfferId is null ? NewShortOrderId(random) : NewGuid(random).ToUpperInvariant(),
        };
        tenant.Subscriptions[ordinarySubscription.Id] = ordinarySubscription;
        for (var u = kaizalaHolders; u < userCount; u++)
        {
            if (users[u].UsageLocation is not null)
            {
                users[u] = users[u] with { AssignedSkuIds = [ordinary.SkuId] };
            }
        }

        foreach (var user in users)
        {
            tenant.Users[user.Id] = user;
        }

        return tenant;
    }

    public static string NewShortOrderId(Random random)
    {
        Span<byte> bytes = stackalloc byte[6];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public static string NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    private int? KaizalaRank(int index)
    {
        var before = (long)index * _kaizalaCustomerCount / _customerCount;
        var after = (long)(index + 1) * _kaizalaCustomerCount / _customerCount;
        return after != before ? (int)before : null;
    }

    /// <summary>
    /// From 10 days ago (already expired) to 120 days ahead. The first Kaizala customers end at fixed offsets so the demo
    /// always has subscriptions already expired and ending within each of the bot's default reminder lead times (60, 30,
    /// 14, 7 and 1 days), whatever the partner's size; the others spread evenly over the rest of the range.
    /// </summary>
    private DateTimeOffset KaizalaEndDate(int rank)
    {
        var today = new DateTimeOffset(_generatedAt.Date, TimeSpan.Zero);
        if (rank < LeadTimeEndDays.Length)
        {
            return today.AddDays(LeadTimeEndDays[rank]);
        }

        var first = LeadTimeEndDays[^1] + 5;
        var spread = _kaizalaCustomerCount - LeadTimeEndDays.Length;
        var offset = spread <= 1 ? LastEndDay : first + (int)Math.Round((LastEndDay - first) * (double)(rank - LeadTimeEndDays.Length) / (spread - 1));
        return today.AddDays(offset);
    }

    private int UserCount(int index, Random random)
    {
        // Pinned extremes so the demo always shows both ends of the 3 to 1,500 range; the rest skews small.
        if (index == 1 && _customerCount > 2)
        {
            return 3;
        }

        if (index == 2 && _customerCount > 2)
        {
            return 1500;
        }

        var x = random.NextDouble();
        return 3 + (int)(1497 * x * x * x);
    }

    private static CatalogPlan OrdinaryPlan(CustomerRecord customer, Random random)
    {
        if (customer.Segment == "education")
        {
            return PlanCatalog.ReplacementPlans.First(p => p.Title == "Office 365 A1");
        }

        return random.Next(3) switch
        {
            0 => PlanCatalog.ReplacementPlans.First(p => p.Title == "Office 365 E3"),
            1 => PlanCatalog.ReplacementPlans.First(p => p.Title == "Microsoft 365 Business Basic"),
            _ => PlanCatalog.ReplacementPlans.First(p => p.Title == "Microsoft 365 Business Standard"),
        };
    }

    // HashCode.Combine is randomised per process, so it cannot seed reproducible data.
    private static int Mix(int seed, int index, int purpose) =>
        unchecked((seed * 1_000_003) + (index * 7_919) + (purpose * 104_729)) & int.MaxValue;

    private static string LegalSuffix(string country) => country switch
    {
        "FR" => "SAS",
        "DE" => "GmbH",
        "GB" => "Ltd",
        "BE" => "SRL",
        "NL" => "B.V.",
        "ES" => "S.L.",
        _ => "Inc.",
    };

    private static string City(string country) => country switch
    {
        "FR" => "Lyon",
        "DE" => "München",
        "GB" => "Manchester",
        "BE" => "Liège",
        "CA" => "Montréal",
        "NL" => "Utrecht",
        "ES" => "Valencia",
        _ => "Seattle",
    };

    private static string DomainLabel(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
