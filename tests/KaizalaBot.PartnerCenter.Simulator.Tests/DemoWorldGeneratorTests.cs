using KaizalaBot.PartnerCenter.Simulator.Seeding;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class DemoWorldGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GenerateCustomers_DemoPartner_HasFortyCustomersInSeveralCountriesAndBothSegments()
    {
        var generator = new DemoWorldGenerator(20200701, 40, 25, Now);

        var customers = generator.GenerateCustomers();

        Assert.Equal(40, customers.Count);
        Assert.Equal(40, customers.Select(c => c.Id).Distinct().Count());
        Assert.Equal(40, customers.Select(c => c.Domain).Distinct().Count());
        Assert.Subset(customers.Select(c => c.Country).ToHashSet(), new HashSet<string> { "FR", "US", "DE", "GB", "CA", "BE" });
        Assert.Contains(customers, c => c.Segment == "education");
        Assert.Contains(customers, c => c.Segment == "commercial");
        Assert.Equal(25, customers.Count(c => generator.HasKaizala(c.Index)));
    }

    [Fact]
    public void GenerateTenant_KaizalaCustomers_EndDatesSpreadFromExpiredTo120DaysAway()
    {
        var generator = new DemoWorldGenerator(20200701, 40, 25, Now);

        var kaizala = generator.GenerateCustomers().Where(c => generator.HasKaizala(c.Index))
            .Select(c => generator.GenerateTenant(c).Subscriptions.Values.Single(s => s.OfferName == "Kaizala Pro"))
            .ToList();

        Assert.Equal(25, kaizala.Count);
        Assert.All(kaizala, s => Assert.False(s.AutoRenewEnabled));
        Assert.Equal(Now.Date.AddDays(-10), kaizala.Min(s => s.CommitmentEndDate).UtcDateTime.Date);
        Assert.Equal(Now.Date.AddDays(120), kaizala.Max(s => s.CommitmentEndDate).UtcDateTime.Date);
        Assert.Contains(kaizala, s => s.Status == "expired");
        Assert.True(kaizala.Count(s => s.Status == "active") >= 20);
        Assert.Equal(25, kaizala.Select(s => s.CommitmentEndDate).Distinct().Count());
    }

    [Theory]
    [InlineData(40, 25)]
    [InlineData(10_000, 6_000)]
    public void GenerateTenant_KaizalaCustomers_SomeExpiredAndSomeEndingWithinEachDefaultReminderLeadTime(int customers, int kaizalaCustomers)
    {
        var generator = new DemoWorldGenerator(20200701, customers, kaizalaCustomers, Now);

        var daysLeft = generator.GenerateCustomers().Where(c => generator.HasKaizala(c.Index)).Take(40)
            .Select(c => generator.GenerateTenant(c).Subscriptions.Values.Single(s => s.OfferName == "Kaizala Pro"))
            .Select(s => (s.CommitmentEndDate - Now).TotalDays)
            .ToList();

        Assert.Contains(daysLeft, d => d < 0);
        foreach (var (longer, shorter) in new[] { (1, 0), (7, 1), (14, 7), (30, 14), (60, 30) })
        {
            Assert.Contains(daysLeft, d => d > shorter && d <= longer);
        }
    }

    [Fact]
    public void GenerateTenant_EveryCustomer_Has3To1500UsersIncludingBothExtremes()
    {
        var generator = new DemoWorldGenerator(20200701, 40, 25, Now);

        var tenants = generator.GenerateCustomers().Select(generator.GenerateTenant).ToList();

        var counts = tenants.Select(t => t.Users.Count).ToList();
        Assert.All(counts, c => Assert.InRange(c, 3, 1500));
        Assert.Contains(3, counts);
        Assert.Contains(1500, counts);
        Assert.All(tenants, t => Assert.Contains(t.Users.Values, u => u.UsageLocation is null));
        Assert.All(tenants, t => Assert.Contains(t.Users.Values, u => u.UsageLocation is not null));
    }

    [Fact]
    public void GenerateTenant_KaizalaTenant_HoldersNeverExceedTheSubscriptionQuantity()
    {
        var generator = new DemoWorldGenerator(20200701, 40, 25, Now);

        foreach (var customer in generator.GenerateCustomers().Where(c => generator.HasKaizala(c.Index)))
        {
            var tenant = generator.GenerateTenant(customer);
            var kaizala = tenant.Subscriptions.Values.Single(s => s.OfferName == "Kaizala Pro");
            var holders = tenant.Users.Values.Count(u => u.AssignedSkuIds.Contains(kaizala.SkuId));

            Assert.InRange(holders, 1, kaizala.Quantity);
        }
    }

    [Fact]
    public void GenerateCustomers_SameSeed_SameWorld_DifferentSeed_DifferentWorld()
    {
        var a = new DemoWorldGenerator(1, 40, 25, Now);
        var b = new DemoWorldGenerator(1, 40, 25, Now);
        var c = new DemoWorldGenerator(2, 40, 25, Now);

        var first = a.GenerateCustomers();
        var second = b.GenerateCustomers();
        var third = c.GenerateCustomers();

        Assert.Equal(first, second);
        Assert.Equal(a.GenerateTenant(first[5]).Users.Keys, b.GenerateTenant(second[5]).Users.Keys);
        Assert.NotEqual(first.Select(x => x.Id), third.Select(x => x.Id));
    }

    [Fact]
    public void GenerateCustomers_LargePartner_HasTenThousandDistinctCustomersWithoutBuildingTenants()
    {
        var generator = new DemoWorldGenerator(20200701, 10_000, 6_000, Now);

        var customers = generator.GenerateCustomers();

        Assert.Equal(10_000, customers.Count);
        Assert.Equal(10_000, customers.Select(c => c.Id).Distinct().Count());
        Assert.Equal(10_000, customers.Select(c => c.Domain).Distinct().Count());
        Assert.Equal(6_000, customers.Count(c => generator.HasKaizala(c.Index)));
    }
}
