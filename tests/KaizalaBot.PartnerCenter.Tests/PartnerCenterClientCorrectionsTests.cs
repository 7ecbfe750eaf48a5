using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Http;
using KaizalaBot.PartnerCenter.Models;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.PartnerCenter.Tests.Fakes;

namespace KaizalaBot.PartnerCenter.Tests;

// The client against the simulator on the points issue 9 corrected (reference notes of 2026-11-30).
public sealed class PartnerCenterClientCorrectionsTests
{
    private const string BusinessBasicProductId = "CFQ7TTC0LH18";
    private const string BusinessBasicSkuId = "3b555118-da6a-4418-894f-7df1e2096870";

    private static CancellationToken None => CancellationToken.None;

    private static async Task<(string CustomerId, Subscription Subscription)> RenewingSubscriptionAsync(IPartnerCenterClient client, string offerNamePrefix = "")
    {
        await foreach (var customer in client.GetAllCustomersAsync(50, None))
        {
            var found = (await client.GetSubscriptionsAsync(customer.Id, None)).Items.FirstOrDefault(s =>
                s is { AutoRenewEnabled: true, Status: SubscriptionStatus.Active } && s.OfferName!.StartsWith(offerNamePrefix, StringComparison.Ordinal));
            if (found is not null)
            {
                return (customer.Id, found);
            }
        }

        throw new InvalidOperationException("The demo world has no active auto-renewing subscription.");
    }

    private static async Task<string> AppOnlyTokenAsync(SimulatorServer server)
    {
        using var response = await server.Inspection.PostAsync($"{SimulatorDemoDirectory.PartnerTenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = SimulatorDemoDirectory.DemoClientId,
            ["client_secret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["scope"] = "https://api.partnercenter.microsoft.com/.default",
        }));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> RawAsync(SimulatorServer server, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "v1/" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await AppOnlyTokenAsync(server));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await server.Inspection.SendAsync(request);
    }

    private static Dictionary<string, JsonElement> WithNextTermInstructions(Subscription subscription)
    {
        var fields = new Dictionary<string, JsonElement>(subscription.ExtensionData ?? new Dictionary<string, JsonElement>())
        {
            ["scheduledNextTermInstructions"] = JsonSerializer.SerializeToElement(new
            {
                product = new { productId = "CFQ7TTC0LDPB", skuId = "0001", availabilityId = "SIMAV0000002", billingCycle = "monthly", termDuration = "P1Y" },
                quantity = 12,
            }),
        };
        return fields;
    }

    [Fact]
    public async Task PatchSubscriptionAsync_WholeObjectAsRead_KeepsAutoRenewAndFieldsTheModelDoesNotName()
    {
        await using var server = await SimulatorServer.StartAsync();
        var (customerId, read) = await RenewingSubscriptionAsync(server.Client);
        var planned = await server.Client.PatchSubscriptionAsync(customerId, read with { ExtensionData = WithNextTermInstructions(read) }, None);

        var renamed = await server.Client.PatchSubscriptionAsync(customerId, planned with { FriendlyName = "Renamed during the migration" }, None);

        Assert.Equal("Renamed during the migration", renamed.FriendlyName);
        Assert.True(renamed.AutoRenewEnabled);
        Assert.Equal(read.Quantity, renamed.Quantity);
        Assert.Equal(12, renamed.ExtensionData!["scheduledNextTermInstructions"].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task MinimalPatchBodySentRaw_TurnsAutoRenewOffAndDropsNextTermInstructions()
    {
        await using var server = await SimulatorServer.StartAsync();
        var (customerId, read) = await RenewingSubscriptionAsync(server.Client);
        await server.Client.PatchSubscriptionAsync(customerId, read with { ExtensionData = WithNextTermInstructions(read) }, None);

        using var raw = await RawAsync(server, HttpMethod.Patch, $"customers/{customerId}/subscriptions/{read.Id}", """{"friendlyName":"minimal body"}""");
        var after = await server.Client.GetSubscriptionAsync(customerId, read.Id, None);

        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("minimal body", after.FriendlyName);
        Assert.False(after.AutoRenewEnabled);
        Assert.False(after.ExtensionData?.ContainsKey("scheduledNextTermInstructions") ?? false);
    }

    [Fact]
    public async Task PatchSubscriptionAsync_SimulatorAnswers202_FollowsLocationUntilTheSuspensionShows()
    {
        await using var server = await SimulatorServer.StartAsync(new Dictionary<string, string?>
        {
            ["PartnerCenterSimulator:PatchAcceptedShare"] = "1",
            ["PartnerCenterSimulator:PatchProcessingTime"] = "00:02:00",
        });
        var (customerId, read) = await RenewingSubscriptionAsync(server.Client);
        var started = server.Clock.GetUtcNow();

        var suspended = await server.Client.PatchSubscriptionAsync(customerId, read with { Status = SubscriptionStatus.Suspended }, None);

        Assert.Equal(SubscriptionStatus.Suspended, suspended.Status);
        Assert.NotEqual(read.Attributes!.Etag, suspended.Attributes!.Etag);
        Assert.Equal(1, server.Responses.Count(HttpStatusCode.Accepted));
        Assert.True(server.Clock.GetUtcNow() - started >= TimeSpan.FromMinutes(2), "the change was returned before it could have shown");
        Assert.Equal(SubscriptionStatus.Suspended, (await server.Client.GetSubscriptionAsync(customerId, read.Id, None)).Status);
    }

    [Fact]
    public async Task PatchSubscriptionAsync_BusinessQuantityAbove300_ThrowsSeatLimit800088()
    {
        await using var server = await SimulatorServer.StartAsync();
        var (customerId, read) = await RenewingSubscriptionAsync(server.Client, "Microsoft 365 Business");

        var error = await Assert.ThrowsAsync<PartnerException>(() => server.Client.PatchSubscriptionAsync(customerId, read with { Quantity = 301 }, None));

        Assert.Equal(PartnerErrorCategory.Forbidden, error.ErrorCategory);
        Assert.Equal("800088", error.ErrorCode);
        Assert.Equal(read.Quantity, (await server.Client.GetSubscriptionAsync(customerId, read.Id, None)).Quantity);
    }

    [Fact]
    public async Task CreateCartAsync_BusinessLineOf301_ThrowsMaxAllowedSeatsAndCheckoutIsRefused800067()
    {
        await using var server = await SimulatorServer.StartAsync();
        var commercial = (await server.StateAsync())["customers"]!.AsArray().First(c => c!["segment"]!.GetValue<string>() == "commercial")!;
        var (customerId, country) = (commercial["id"]!.GetValue<string>(), commercial["country"]!.GetValue<string>());
        var availability = await server.Client.ResolveAvailabilityAsync(BusinessBasicProductId, "0001", country, "commercial", None);
        var cart = new Cart
        {
            LineItems = [new CartLineItem { CatalogItemId = availability.CatalogItemId!, Quantity = 301, BillingCycle = BillingCycleType.Monthly, TermDuration = "P1Y", FriendlyName = "301 seats" }],
        };

        var error = await Assert.ThrowsAsync<PartnerException>(() => server.Client.CreateCartAsync(customerId, cart, None));
        var checkout = await Assert.ThrowsAsync<PartnerException>(() => server.Client.CheckoutCartAsync(customerId, error.Cart!.Id!, None));

        Assert.Equal(PartnerErrorCategory.InvalidCartLineItem, error.ErrorCategory);
        Assert.Equal(nameof(CartErrorCode.MaxAllowedSeatsPerSubscriptionExceeded), error.ErrorCode);
        Assert.Equal(PartnerErrorCategory.Forbidden, checkout.ErrorCategory);
        Assert.Equal("800067", checkout.ErrorCode);
        Assert.Empty((await server.Client.GetOrdersAsync(customerId, None)).Items);
    }

    [Fact]
    public async Task Catalogue_BusinessBasic_IsNceWithSeatLimitAndProvisioningId()
    {
        await using var server = await SimulatorServer.StartAsync();

        var product = await server.Client.GetProductAsync(BusinessBasicProductId, "US", None);
        var sku = await server.Client.GetSkuAsync(BusinessBasicProductId, "0001", "US", None);
        var unknown = await Assert.ThrowsAsync<PartnerException>(() => server.Client.GetSkuAsync(BusinessBasicProductId, "9999", "US", None));

        Assert.Equal("OnlineServicesNCE", product.ProductType!.Id);
        Assert.Equal(BusinessBasicSkuId, sku.DynamicAttributes?.ProvisioningId);
        Assert.Equal((1, 300), (sku.MinimumQuantity, sku.MaximumQuantity));
        Assert.Equal(PartnerErrorCategory.NotFound, unknown.ErrorCategory);
        Assert.Equal("400018", unknown.ErrorCode);
    }

    [Fact]
    public async Task AppOnlyTokenOnLicences_SimulatorAnswer_MapsToForbidden()
    {
        await using var server = await SimulatorServer.StartAsync();
        var (customerId, _) = await RenewingSubscriptionAsync(server.Client);
        var user = (await server.Client.GetCustomerUsersPageAsync(customerId, 1, None)).Items[0];

        using var response = await RawAsync(server, HttpMethod.Get, $"customers/{customerId}/users/{user.Id}/licenses");
        var error = await PartnerCenterErrors.FromResponseAsync(response, Guid.NewGuid(), Guid.NewGuid(), server.Clock, None);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(PartnerErrorCategory.Forbidden, error.ErrorCategory);
        Assert.Equal("2032", error.ErrorCode);
    }
}
