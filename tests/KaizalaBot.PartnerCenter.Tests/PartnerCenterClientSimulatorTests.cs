using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Models;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.PartnerCenter.Tests.Fakes;

namespace KaizalaBot.PartnerCenter.Tests;

// Contract tests: the real client against the simulator over real HTTP, every operation the simulator serves.
public sealed class PartnerCenterClientSimulatorTests : IAsyncLifetime
{
    private const string KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a";

    private static CancellationToken None => CancellationToken.None;

    private SimulatorServer _server = null!;

    private IPartnerCenterClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await SimulatorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private async Task<(Customer Customer, Subscription Kaizala)> FirstKaizalaCustomerAsync(int minimumHolders)
    {
        await foreach (var customer in Client.GetAllCustomersAsync(20, None))
        {
            var subscriptions = await Client.GetSubscriptionsAsync(customer.Id, None);
            var kaizala = subscriptions.Items.FirstOrDefault(s => s.OfferName == "Kaizala Pro" && s.Status == SubscriptionStatus.Active);
            if (kaizala is null)
            {
                continue;
            }

            var skus = await Client.GetSubscribedSkusAsync(customer.Id, None);
            if (skus.Items.Any(s => s.ProductSku.Id == KaizalaSkuId && s.ConsumedUnits >= minimumHolders))
            {
                return (customer, kaizala);
            }
        }

        throw new InvalidOperationException($"The simulator's demo world has no active Kaizala customer with {minimumHolders} holders.");
    }

    [Fact]
    public async Task GetAllCustomersAsync_SmallPages_ReturnsEveryCustomerOfTheSimulatorOnce()
    {
        var state = await _server.StateAsync();

        var customers = await ToListAsync(Client.GetAllCustomersAsync(7, None));

        var expected = state["customers"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected.Count, customers.Count);
        Assert.All(customers, c => Assert.Contains(c.Id, expected));
        Assert.All(customers, c => Assert.False(string.IsNullOrEmpty(c.CompanyProfile?.CompanyName)));
    }

    [Fact]
    public async Task SearchCustomersAsync_CompanyNameAndDomainPrefix_FindTheCustomer()
    {
        var first = (await Client.GetCustomersPageAsync(1, None)).Items[0];
        var name = first.CompanyProfile!.CompanyName!;
        var domain = first.CompanyProfile.Domain!;

        var byName = await Client.SearchCustomersAsync(CustomerSearchField.CompanyName, name[..3].ToLowerInvariant(), None);
        var byDomain = await Client.SearchCustomersAsync(CustomerSearchField.Domain, domain[..4], None);

        Assert.Contains(byName.Items, c => c.Id == first.Id);
        Assert.All(byName.Items, c => Assert.StartsWith(name[..3], c.CompanyProfile!.CompanyName!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(byDomain.Items, c => c.Id == first.Id);
    }

    [Fact]
    public async Task GetCustomerAsync_KnownAndUnknownIds_ReturnsCustomerOrNotFound()
    {
        var first = (await Client.GetCustomersPageAsync(1, None)).Items[0];

        var customer = await Client.GetCustomerAsync(first.Id, None);
        var error = await Assert.ThrowsAsync<PartnerException>(() => Client.GetCustomerAsync(Guid.NewGuid().ToString(), None));

        Assert.Equal(first.CompanyProfile!.CompanyName, customer.CompanyProfile!.CompanyName);
        Assert.Equal(PartnerErrorCategory.NotFound, error.ErrorCategory);
        Assert.Equal("1000", error.ErrorCode);
        Assert.NotEqual(Guid.Empty, error.RequestId);
    }

    [Fact]
    public async Task Subscriptions_ListGetAndByOrder_AgreeOnTheKaizalaSubscription()
    {
        var (customer, kaizala) = await FirstKaizalaCustomerAsync(1);

        var single = await Client.GetSubscriptionAsync(customer.Id, kaizala.Id, None);
        var byOrder = await Client.GetSubscriptionsByOrderAsync(customer.Id, kaizala.OrderId!, None);
        var provisioning = await Client.GetSubscriptionProvisioningStatusAsync(customer.Id, kaizala.Id, None);

        Assert.False(single.AutoRenewEnabled);
        Assert.Equal(kaizala.CommitmentEndDate, single.CommitmentEndDate);
        Assert.Equal(kaizala.Id, Assert.Single(byOrder.Items).Id);
        Assert.False(string.IsNullOrEmpty(provisioning.Status));
    }

    [Fact]
    public async Task PatchSubscriptionAsync_FriendlyNameThenSuspend_ChangesOnlyWhatWasSent()
    {
        var (customer, kaizala) = await FirstKaizalaCustomerAsync(1);

        var renamed = await Client.PatchSubscriptionAsync(customer.Id, kaizala.Id, new SubscriptionUpdate { FriendlyName = "Kaizala Pro (migrating)" }, None);
        var suspended = await Client.PatchSubscriptionAsync(customer.Id, kaizala.Id, new SubscriptionUpdate { Status = SubscriptionStatus.Suspended }, None);
        var again = await Assert.ThrowsAsync<PartnerException>(
            () => Client.PatchSubscriptionAsync(customer.Id, kaizala.Id, new SubscriptionUpdate { Quantity = kaizala.Quantity + 1 }, None));

        Assert.Equal("Kaizala Pro (migrating)", renamed.FriendlyName);
        Assert.Equal(SubscriptionStatus.Active, renamed.Status);
        Assert.Equal(kaizala.Quantity, renamed.Quantity);
        Assert.Equal(SubscriptionStatus.Suspended, suspended.Status);
        Assert.Equal("Kaizala Pro (migrating)", suspended.FriendlyName);
        Assert.Equal("800091", again.ErrorCode);
    }

    [Fact]
    public async Task GetAllCustomerUsersAsync_LargeTenant_PagesThroughEveryUser()
    {
        var customers = await ToListAsync(Client.GetAllCustomersAsync(50, None));
        var large = customers[2];

        var users = await ToListAsync(Client.GetAllCustomerUsersAsync(large.Id, 400, None));

        Assert.Equal(1500, users.Count);
        Assert.Equal(1500, users.Select(u => u.Id).Distinct().Count());
    }

    [Fact]
    public async Task UserLicencesAndSubscribedSkus_KaizalaHolder_SeeTheKaizalaSku()
    {
        var (customer, _) = await FirstKaizalaCustomerAsync(1);
        var users = await Client.GetCustomerUsersPageAsync(customer.Id, 100, None);

        var holder = users.Items[0];
        var licences = await Client.GetUserLicensesAsync(customer.Id, holder.Id, None);
        var user = await Client.GetCustomerUserAsync(customer.Id, holder.Id, None);
        var skus = await Client.GetSubscribedSkusAsync(customer.Id, None);

        Assert.Contains(licences.Items, l => l.ProductSku.Id == KaizalaSkuId && l.ProductSku.SkuPartNumber == "KAIZALA_PRO");
        Assert.Equal(holder.UserPrincipalName, user.UserPrincipalName);
        var kaizala = Assert.Single(skus.Items, s => s.ProductSku.Id == KaizalaSkuId);
        Assert.Equal(kaizala.TotalUnits - kaizala.ConsumedUnits, kaizala.AvailableUnits);
    }

    [Fact]
    public async Task UpdateUserLicensesAsync_RemoveKaizala_FreesTheUnit()
    {
        var (customer, _) = await FirstKaizalaCustomerAsync(1);
        var holder = (await Client.GetCustomerUsersPageAsync(customer.Id, 100, None)).Items[0];
        var before = (await Client.GetSubscribedSkusAsync(customer.Id, None)).Items.Single(s => s.ProductSku.Id == KaizalaSkuId);

        await Client.UpdateUserLicensesAsync(customer.Id, holder.Id, new LicenseUpdate { LicensesToRemove = [KaizalaSkuId] }, None);

        var licences = await Client.GetUserLicensesAsync(customer.Id, holder.Id, None);
        var after = (await Client.GetSubscribedSkusAsync(customer.Id, None)).Items.Single(s => s.ProductSku.Id == KaizalaSkuId);
        Assert.DoesNotContain(licences.Items, l => l.ProductSku.Id == KaizalaSkuId);
        Assert.Equal(before.ConsumedUnits - 1, after.ConsumedUnits);
    }

    [Fact]
    public async Task UpdateUserLicensesAsync_NoFreeUnit_ThrowsQuotaExceeded()
    {
        var (customer, _) = await FirstKaizalaCustomerAsync(1);
        var skus = await Client.GetSubscribedSkusAsync(customer.Id, None);
        var users = await ToListAsync(Client.GetAllCustomerUsersAsync(customer.Id, 500, None));
        var full = skus.Items.First(s => s.ProductSku.Id != KaizalaSkuId);
        var extra = users.Count(u => u.UsageLocation is not null) - full.ConsumedUnits;
        Assert.True(extra > full.AvailableUnits, "the demo tenant needs more licensable users than free units");
        var candidates = users.Where(u => u.UsageLocation is not null).ToList();

        PartnerException? error = null;
        foreach (var user in candidates)
        {
            var licences = await Client.GetUserLicensesAsync(customer.Id, user.Id, None);
            if (licences.Items.Any(l => l.ProductSku.Id == full.ProductSku.Id))
            {
                continue;
            }

            try
            {
                await Client.UpdateUserLicensesAsync(customer.Id, user.Id, new LicenseUpdate { LicensesToAssign = [new LicenseAssignment { SkuId = full.ProductSku.Id }] }, None);
            }
            catch (PartnerException ex) when (ex.ErrorCode == "60012")
            {
                error = ex;
                break;
            }
        }

        Assert.NotNull(error);
        Assert.Equal(PartnerErrorCategory.BadInput, error.ErrorCategory);
    }

    [Fact]
    public async Task DirectoryRoles_SalesAgentRole_ListsBothSellers()
    {
        var roles = await Client.GetDirectoryRolesAsync(None);
        var sales = Assert.Single(roles.Items, r => r.Name == "Sales Agent");

        var members = await ToListAsync(Client.GetDirectoryRoleUserMembersAsync(sales.Id, None));

        Assert.Equal(
            new[] { SimulatorDemoDirectory.EnglishSellerUpn, SimulatorDemoDirectory.FrenchSellerUpn }.Order(),
            members.Select(m => m.UserPrincipalName!).Order());
    }

    [Fact]
    public async Task AppPlusUserCall_FirstTime_KeepsTheRotatedRefreshToken()
    {
        var first = (await Client.GetCustomersPageAsync(1, None)).Items[0];

        await Client.GetSubscribedSkusAsync(first.Id, None);

        var kept = await _server.RefreshTokens.GetAsync(None);
        Assert.False(string.IsNullOrEmpty(kept));
        Assert.NotEqual(SimulatorDemoDirectory.DemoRefreshToken, kept);
    }

    [Fact]
    public async Task AnyCall_WrongSecret_ThrowsEntraError()
    {
        await using var server = await SimulatorServer.StartAsync(clientSettings: new Dictionary<string, string?> { ["PartnerCenter:ApplicationSecret"] = "wrong" });

        var error = await Assert.ThrowsAsync<PartnerException>(() => server.Client.GetCustomersPageAsync(1, None));

        Assert.Equal(PartnerErrorCategory.Unauthorized, error.ErrorCategory);
        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Contains("AADSTS7000215", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateUserLicensesAsync_ResponseLostAfterProcessing_RetryGetsTheOriginalAnswer()
    {
        var (customer, _) = await FirstKaizalaCustomerAsync(1);
        var holder = (await Client.GetCustomerUsersPageAsync(customer.Id, 100, None)).Items[0];
        var before = (await Client.GetSubscribedSkusAsync(customer.Id, None)).Items.Single(s => s.ProductSku.Id == KaizalaSkuId);
        await _server.SetFaultsAsync(new JsonObject
        {
            ["seed"] = 1,
            ["requestsPerMinute"] = 0,
            ["timeoutDuration"] = "00:01:00",
            ["rules"] = new JsonArray(new JsonObject { ["endpoint"] = "users.licenseupdates", ["failureRate"] = 1.0, ["kind"] = "timeoutAfterProcessing" }),
        });

        var result = await Client.UpdateUserLicensesAsync(customer.Id, holder.Id, new LicenseUpdate { LicensesToRemove = [KaizalaSkuId] }, None);

        var after = (await Client.GetSubscribedSkusAsync(customer.Id, None)).Items.Single(s => s.ProductSku.Id == KaizalaSkuId);
        Assert.NotNull(result);
        Assert.Equal(before.ConsumedUnits - 1, after.ConsumedUnits);
    }
}
