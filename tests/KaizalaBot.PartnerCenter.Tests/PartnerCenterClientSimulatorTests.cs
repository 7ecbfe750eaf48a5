using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Models;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.PartnerCenter.Tests.Fakes;
using Xunit.Abstractions;

namespace KaizalaBot.PartnerCenter.Tests;

// Contract tests: the real client against the simulator over real HTTP, every operation the simulator serves.
public sealed class PartnerCenterClientSimulatorTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a";
    private const string BusinessBasicProductId = "CFQ7TTC0LH18";
    private const string BusinessBasicSkuId = "3b555118-da6a-4418-894f-7df1e2096870";
    private const string E1LegacyOfferId = "91FD106F-4B2C-4938-95AC-F54F74E9A239";

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

    private async Task<(string Id, string Country)> FirstCommercialCustomerAsync()
    {
        var state = await _server.StateAsync();
        var customer = state["customers"]!.AsArray()
            .First(c => c!["segment"]!.GetValue<string>() == "commercial")!;
        return (customer["id"]!.GetValue<string>(), customer["country"]!.GetValue<string>());
    }

    private static Task<Cart> CreateBusinessBasicCartAsync(IPartnerCenterClient client, string customerId, string catalogItemId, int quantity, string friendlyName) =>
        client.CreateCartAsync(
            customerId,
            new Cart
            {
                LineItems = [new CartLineItem
                {
                    Id = 0, CatalogItemId = catalogItemId, Quantity = quantity, BillingCycle = BillingCycleType.Monthly,
                    TermDuration = "P1Y", FriendlyName = friendlyName,
                }],
            },
            None);

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
    public async Task PatchSubscriptionAsync_RenameThenSuspendTheObjectsAsRead_ChangesOnlyWhatWasChanged()
    {
        var (customer, kaizala) = await FirstKaizalaCustomerAsync(1);

        var renamed = await Client.PatchSubscriptionAsync(customer.Id, kaizala with { FriendlyName = "Kaizala Pro (migrating)" }, None);
        var suspended = await Client.PatchSubscriptionAsync(customer.Id, renamed with { Status = SubscriptionStatus.Suspended }, None);
        var again = await Assert.ThrowsAsync<PartnerException>(
            () => Client.PatchSubscriptionAsync(customer.Id, suspended with { Quantity = kaizala.Quantity + 1 }, None));

        Assert.Equal("Kaizala Pro (migrating)", renamed.FriendlyName);
        Assert.Equal(SubscriptionStatus.Active, renamed.Status);
        Assert.Equal(kaizala.Quantity, renamed.Quantity);
        Assert.Equal(SubscriptionStatus.Suspended, suspended.Status);
        Assert.Equal("Kaizala Pro (migrating)", suspended.FriendlyName);
        Assert.Equal("800091", again.ErrorCode);
    }

    [Fact]
    public async Task PatchSubscriptionAsync_ObjectReadBeforeAnotherChange_ThrowsStaleEtag2055()
    {
        var (customer, kaizala) = await FirstKaizalaCustomerAsync(1);
        await Client.PatchSubscriptionAsync(customer.Id, kaizala with { FriendlyName = "changed by someone else" }, None);

        var error = await Assert.ThrowsAsync<PartnerException>(
            () => Client.PatchSubscriptionAsync(customer.Id, kaizala with { Status = SubscriptionStatus.Suspended }, None));

        Assert.Equal("2055", error.ErrorCode);
        Assert.Equal(SubscriptionStatus.Active, (await Client.GetSubscriptionAsync(customer.Id, kaizala.Id, None)).Status);
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

    [Fact]
    public async Task LegacyOffers_ByCountryAndById_ExposeTheEntraSkuAsProduct()
    {
        var offers = await Client.GetOffersAsync("US", None);
        var e1 = await Client.GetOfferAsync(E1LegacyOfferId, "US", None);

        Assert.Contains(offers.Items, o => string.Equals(o.Id, E1LegacyOfferId, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("18181a46-0d4e-45cd-891e-60aabd171b4e", e1.Product!.Id);
        Assert.Equal(BillingType.License, e1.Billing);
    }

    [Fact]
    public async Task Catalogue_ProductsSkusAvailabilities_ResolveThePurchasableCatalogItem()
    {
        var products = await Client.GetProductsAsync("US", "OnlineServices", "commercial", None);
        var product = await Client.GetProductAsync(BusinessBasicProductId, "US", None);
        var skus = await Client.GetSkusAsync(BusinessBasicProductId, "US", "commercial", None);
        var sku = await Client.GetSkuAsync(BusinessBasicProductId, "0001", "US", None);
        var availabilities = await Client.GetAvailabilitiesAsync(BusinessBasicProductId, "0001", "US", "commercial", None);

        var availability = await Client.ResolveAvailabilityAsync(BusinessBasicProductId, "0001", "US", "commercial", None);

        Assert.Contains(products.Items, p => p.Id == BusinessBasicProductId);
        Assert.Equal("Microsoft 365 Business Basic", product.Title);
        Assert.Contains(skus.Items, s => s.Id == "0001");
        Assert.Equal(BusinessBasicProductId, sku.ProductId);
        Assert.Contains(availabilities.Items, a => a.Id == availability.Id);
        Assert.True(availability.IsPurchasable);
        Assert.Equal($"{BusinessBasicProductId}:0001:{availability.Id}", availability.CatalogItemId);
    }

    [Fact]
    public async Task Purchase_CartCheckoutOrder_CreatesOneSubscriptionFoundByOrder()
    {
        var (customerId, country) = await FirstCommercialCustomerAsync();
        var availability = await Client.ResolveAvailabilityAsync(BusinessBasicProductId, "0001", country, "commercial", None);

        var cart = await CreateBusinessBasicCartAsync(Client, customerId, availability.CatalogItemId!, 5, "Kaizala migration contract-1");
        var fetched = await Client.GetCartAsync(customerId, cart.Id!, None);
        var checkout = await Client.CheckoutCartAsync(customerId, cart.Id!, None);
        var order = Assert.Single(checkout.Orders);
        var pending = await Client.GetOrderAsync(customerId, order.Id, None);
        await Task.Delay(TimeSpan.FromMinutes(1), _server.Clock);
        var again = await Client.GetOrderAsync(customerId, order.Id, None);
        var all = await Client.GetOrdersAsync(customerId, None);
        var provisioning = await Client.GetOrderProvisioningStatusAsync(customerId, order.Id, None);
        var subscriptions = await Client.GetSubscriptionsByOrderAsync(customerId, order.Id, None);
        var afterCheckout = await Client.GetCartAsync(customerId, cart.Id!, None);

        Assert.Equal("Active", fetched.Status);
        Assert.Equal(5, Assert.Single(fetched.LineItems).Quantity);
        Assert.Equal("pending", pending.Status);
        Assert.Equal("completed", again.Status);
        Assert.Contains(all.Items, o => o.Id == order.Id);
        Assert.NotEmpty(provisioning.Items);
        var subscription = Assert.Single(subscriptions.Items);
        Assert.Equal("Kaizala migration contract-1", subscription.FriendlyName);
        Assert.Equal(Assert.Single(order.LineItems).SubscriptionId, subscription.Id);
        Assert.Equal("Ordered", afterCheckout.Status);
    }

    [Fact]
    public async Task CheckoutCartAsync_SecondCheckout_ThrowsAlreadySubmitted()
    {
        var (customerId, country) = await FirstCommercialCustomerAsync();
        var availability = await Client.ResolveAvailabilityAsync(BusinessBasicProductId, "0001", country, "commercial", None);
        var cart = await CreateBusinessBasicCartAsync(Client, customerId, availability.CatalogItemId!, 1, "Kaizala migration contract-2");
        await Client.CheckoutCartAsync(customerId, cart.Id!, None);

        var error = await Assert.ThrowsAsync<PartnerException>(() => Client.CheckoutCartAsync(customerId, cart.Id!, None));

        Assert.Equal(PartnerErrorCategory.BadInput, error.ErrorCategory);
        Assert.Equal("800065", error.ErrorCode);
    }

    [Fact]
    public async Task CreateCartAsync_HardCodedStaleAvailability_ThrowsLineItemErrorWithCart()
    {
        var (customerId, _) = await FirstCommercialCustomerAsync();

        var error = await Assert.ThrowsAsync<PartnerException>(
            () => CreateBusinessBasicCartAsync(Client, customerId, $"{BusinessBasicProductId}:0001:STALE", 1, "Kaizala migration contract-3"));

        Assert.Equal(PartnerErrorCategory.InvalidCartLineItem, error.ErrorCategory);
        Assert.Equal(nameof(CartErrorCode.CatalogItemIdIsNotValid), error.ErrorCode);
        Assert.NotNull(error.Cart?.Id);
    }

    [Fact]
    public async Task UpdateCartAsync_NewQuantity_ReplacesTheLineItems()
    {
        var (customerId, country) = await FirstCommercialCustomerAsync();
        var availability = await Client.ResolveAvailabilityAsync(BusinessBasicProductId, "0001", country, "commercial", None);
        var cart = await CreateBusinessBasicCartAsync(Client, customerId, availability.CatalogItemId!, 3, "Kaizala migration contract-4");

        var updated = await Client.UpdateCartAsync(
            customerId, cart.Id!, cart with { LineItems = [cart.LineItems[0] with { Quantity = 7 }] }, None);

        Assert.Equal(cart.Id, updated.Id);
        Assert.Equal(7, Assert.Single(updated.LineItems).Quantity);
        Assert.Equal(7, Assert.Single((await Client.GetCartAsync(customerId, cart.Id!, None)).LineItems).Quantity);
    }

    [Fact]
    public async Task GetCustomerCompanyProfileAsync_KnownCustomer_MatchesTheCustomer()
    {
        var first = (await Client.GetCustomersPageAsync(1, None)).Items[0];

        var profile = await Client.GetCustomerCompanyProfileAsync(first.Id, None);

        Assert.Equal(first.CompanyProfile!.CompanyName, profile.CompanyName);
        Assert.Equal(first.CompanyProfile.Domain, profile.Domain);
    }

    // The stress test: 20 % injected faults on every endpoint (lost responses on every purchase and
    // licence call) plus throttling, and the client still buys exactly once and moves 100 users.
    [Fact]
    public async Task PurchaseAndHundredLicenceUpdates_TwentyPercentFaultsAndThrottling_CompleteWithoutDuplicateOrder()
    {
        await using var server = await SimulatorServer.StartAsync(
            new Dictionary<string, string?> { ["PartnerCenterSimulator:ProvisioningDelay"] = "00:01:00" },
            new Dictionary<string, string?> { ["PartnerCenter:Retry:MaxRetryAttempts"] = "8", ["PartnerCenter:Retry:BaseDelay"] = "00:00:01" });
        var (customerId, country, holders) = await HundredKaizalaHoldersAsync(server);
        await server.SetFaultsAsync(new JsonObject
        {
            ["seed"] = 42,
            ["requestsPerMinute"] = 30,
            ["timeoutDuration"] = "00:00:05",
            ["rules"] = new JsonArray(
                new JsonObject { ["endpoint"] = "carts.create", ["failureRate"] = 0.2, ["kind"] = "timeoutAfterProcessing" },
                new JsonObject { ["endpoint"] = "carts.checkout", ["failureRate"] = 0.2, ["kind"] = "timeoutAfterProcessing" },
                new JsonObject { ["endpoint"] = "users.licenseupdates", ["failureRate"] = 0.2, ["kind"] = "timeoutAfterProcessing" },
                new JsonObject { ["endpoint"] = "orders.get", ["failureRate"] = 0.2, ["kind"] = "timeout" },
                new JsonObject { ["endpoint"] = "availabilities.list", ["failureRate"] = 0.2, ["kind"] = "serviceUnavailable" },
                new JsonObject { ["endpoint"] = "*", ["failureRate"] = 0.2, ["kind"] = "serverError" }),
        });
        var client = server.Client.With(new PartnerCenterRequestContext { CorrelationId = Guid.NewGuid() });

        var availability = await client.ResolveAvailabilityAsync(BusinessBasicProductId, "0001", country, "commercial", None);
        var cart = await CreateBusinessBasicCartAsync(client, customerId, availability.CatalogItemId!, holders.Count, "Kaizala migration stress-1");
        var order = Assert.Single((await client.CheckoutCartAsync(customerId, cart.Id!, None)).Orders);
        while ((await client.GetOrderAsync(customerId, order.Id, None)).Status != "completed")
        {
            await Task.Delay(TimeSpan.FromSeconds(30), server.Clock);
        }

        foreach (var userId in holders)
        {
            await client.GetUserLicensesAsync(customerId, userId, None);
            await client.UpdateUserLicensesAsync(
                customerId,
                userId,
                new LicenseUpdate { LicensesToAssign = [new LicenseAssignment { SkuId = BusinessBasicSkuId }], LicensesToRemove = [KaizalaSkuId] },
                None);
        }

        var tenant = (await server.StateAsync())["tenants"]!.AsArray()
            .Single(t => string.Equals(t!["customerId"]!.GetValue<string>(), customerId, StringComparison.OrdinalIgnoreCase))!;
        var orders = tenant["orders"]!.AsArray();
        Assert.Single(orders);
        Assert.Equal(cart.Id, orders[0]!["cartId"]!.GetValue<string>());
        Assert.Single(tenant["carts"]!.AsArray());
        var users = tenant["users"]!.AsArray().ToDictionary(u => u!["id"]!.GetValue<string>(), u => u!["assignedSkuIds"]!.AsArray().Select(s => s!.GetValue<string>()).ToList());
        Assert.All(holders, id => Assert.Equal([BusinessBasicSkuId], users[id]));
        output.WriteLine(string.Join(", ", server.Responses.Entries.GroupBy(e => (int)e.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.True(server.Responses.Count(System.Net.HttpStatusCode.GatewayTimeout) > 0, "no lost response was injected");
        Assert.True(server.Responses.Count(System.Net.HttpStatusCode.TooManyRequests) > 0, "no request was throttled");
        Assert.True(server.Responses.Count(System.Net.HttpStatusCode.InternalServerError) > 0, "no server error was injected");
    }

    private static async Task<(string CustomerId, string Country, List<string> Holders)> HundredKaizalaHoldersAsync(SimulatorServer server)
    {
        var customers = (await server.StateAsync())["customers"]!.AsArray()
            .Where(c => c!["segment"]!.GetValue<string>() == "commercial" && c["hasKaizala"]!.GetValue<bool>())
            .Select(c => (Id: c!["id"]!.GetValue<string>(), Country: c["country"]!.GetValue<string>()));
        foreach (var (id, country) in customers)
        {
            var subscriptions = await server.Client.GetSubscriptionsAsync(id, None);
            var skus = await server.Client.GetSubscribedSkusAsync(id, None);
            if (!subscriptions.Items.Any(s => s.OfferName == "Kaizala Pro" && s.Status == SubscriptionStatus.Active)
                || !skus.Items.Any(s => s.ProductSku.Id == KaizalaSkuId && s.ConsumedUnits >= 120))
            {
                continue;
            }

            var users = await ToListAsync(server.Client.GetAllCustomerUsersAsync(id, 500, None));
            var tenant = (await server.StateAsync())["tenants"]!.AsArray()
                .Single(t => string.Equals(t!["customerId"]!.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase))!;
            var holders = tenant["users"]!.AsArray()
                .Where(u => u!["usageLocation"] is not null && u["assignedSkuIds"]!.AsArray().Any(s => s!.GetValue<string>() == KaizalaSkuId))
                .Select(u => u!["id"]!.GetValue<string>())
                .Take(100)
                .ToList();
            if (holders.Count == 100 && users.Count > 0)
            {
                return (id, country, holders);
            }
        }

        throw new InvalidOperationException("The simulator's demo world has no commercial Kaizala customer with 100 licensable holders.");
    }
}
