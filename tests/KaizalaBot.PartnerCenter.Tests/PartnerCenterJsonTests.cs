using System.Text.Json;
using KaizalaBot.PartnerCenter.Json;
using KaizalaBot.PartnerCenter.Models;
using KaizalaBot.PartnerCenter.Tests.Fakes;

namespace KaizalaBot.PartnerCenter.Tests;

public sealed class PartnerCenterJsonTests
{
    private static T Parse<T>(string example) =>
        JsonSerializer.Deserialize<T>(ReferenceExample.Read(example), PartnerCenterJson.Options)!;

    [Fact]
    public void Deserialize_CollectionEnvelope_ReadsNextLinkHeadersAndToken()
    {
        var page = Parse<SeekBasedResourceCollection<JsonElement>>("collection-envelope");

        Assert.Equal(2, page.TotalCount);
        Assert.Single(page.Items);
        Assert.Equal("AQAAAA==", page.ContinuationToken);
        Assert.Equal("/customers?size=40&seekOperation=Next", page.Links!.Next!.Uri);
        var header = Assert.Single(page.Links.Next.Headers);
        Assert.Equal(("MS-ContinuationToken", "AQAAAA=="), (header.Key, header.Value));
        Assert.Equal("Collection", page.Attributes!.ObjectType);
    }

    [Fact]
    public void Deserialize_ApiFault_ReadsNumericCodeAsText()
    {
        var fault = Parse<ApiFault>("api-fault");

        Assert.Equal("60012", fault.Code);
        Assert.Equal("PartnerFD", fault.Source);
        Assert.Equal(JsonValueKind.Array, fault.Data!.Value.ValueKind);
    }

    [Fact]
    public void Deserialize_ApiFaultWithStringCode_ReadsIt()
    {
        var fault = JsonSerializer.Deserialize<ApiFault>("""{"code":"800065","description":"x"}""", PartnerCenterJson.Options)!;

        Assert.Equal("800065", fault.Code);
    }

    [Fact]
    public void Deserialize_CustomerListItem_ReadsProfileAndRelationship()
    {
        var customer = Parse<Customer>("customer-list-item");

        Assert.Equal("c5757d70-06f3-4f23-8367-5a9e55019f94", customer.Id);
        Assert.Equal("Contoso190", customer.CompanyProfile!.CompanyName);
        Assert.Equal("contoso190.onmicrosoft.com", customer.CompanyProfile.Domain);
        Assert.Equal(CustomerPartnerRelationship.Reseller, customer.RelationshipToPartner);
        Assert.Null(customer.AllowDelegatedAccess);
    }

    [Fact]
    public void Deserialize_LegacySubscription_ReadsStatusDatesEtagAndOrderId()
    {
        var subscription = Parse<Subscription>("subscription-legacy");

        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.True(subscription.AutoRenewEnabled);
        Assert.Equal(BillingType.License, subscription.BillingType);
        Assert.Equal(new DateTimeOffset(2018, 2, 10, 0, 0, 0, TimeSpan.Zero), subscription.CommitmentEndDate);
        Assert.Equal("CF3B0E37-BE0B-4CDD-B584-D1A97D98A922", subscription.OrderId);
        Assert.Equal("eyJpZCI6…", subscription.Attributes!.Etag);
        Assert.StartsWith("/offers/", subscription.Links!.Offer!.Uri, StringComparison.Ordinal);
        Assert.Equal("subscription", subscription.ContractType);
    }

    [Fact]
    public void Deserialize_NceSubscription_ReadsBillingCycleAndProductType()
    {
        var subscription = Parse<Subscription>("subscription-nce");

        Assert.Equal(SubscriptionStatus.Expired, subscription.Status);
        Assert.False(subscription.AutoRenewEnabled);
        Assert.Equal(BillingCycleType.Monthly, subscription.BillingCycle);
        Assert.Equal("OnlineServicesNCE", subscription.ProductType!.Id);
        Assert.Equal("P1Y", subscription.TermDuration);
        Assert.Equal(15, subscription.Quantity);
        Assert.Equal("34b37d7340cc", subscription.OrderId);
    }

    [Fact]
    public void Deserialize_SubscriptionProvisioningStatus_ReadsStatus()
    {
        var status = Parse<SubscriptionProvisioningStatus>("subscription-provisioning-status");

        Assert.Equal("success", status.Status);
        Assert.Equal(5, status.Quantity);
    }

    [Fact]
    public void Deserialize_CartRequest_ReadsLineItem()
    {
        var cart = Parse<Cart>("cart-request");

        var line = Assert.Single(cart.LineItems);
        Assert.Equal("CFQ7TTC0LH18:0001:CFQ7TTC0K971", line.CatalogItemId);
        Assert.Equal(25, line.Quantity);
        Assert.Equal(BillingCycleType.Monthly, line.BillingCycle);
        Assert.Equal("M365 BB (Kaizala migration #1234)", line.FriendlyName);
    }

    [Fact]
    public void Deserialize_CartResponse_ReadsStatusExpiryAndOrderGroup()
    {
        var cart = Parse<Cart>("cart-response");

        Assert.Equal("2517c51b-58cd-4abe-87ed-3ab812401ab4", cart.Id);
        Assert.Equal("Active", cart.Status);
        Assert.Equal(2023, cart.ExpirationTimestamp!.Value.Year);
        var line = Assert.Single(cart.LineItems);
        Assert.Equal("0", line.OrderGroup);
        Assert.Null(line.Error);
        Assert.Equal(364.8m, line.Pricing!.Value.GetProperty("extendedPrice").GetDecimal());
    }

    [Fact]
    public void Deserialize_CheckoutResult_ReadsOrdersAndOrderErrors()
    {
        var result = Parse<CartCheckoutResult>("checkout-result");

        var order = Assert.Single(result.Orders);
        Assert.Equal("a68736758d9c", order.Id);
        Assert.Equal("pending", order.Status);
        Assert.Equal(36.48m, order.TotalPrice);
        Assert.Equal("0c353b8e-da9d-4007-d0d4-bca8bd5b5ce1", Assert.Single(order.LineItems).SubscriptionId);
        Assert.EndsWith("/provisioningstatus", order.Links!.ProvisioningStatus!.Uri, StringComparison.Ordinal);
        var error = Assert.Single(result.OrderErrors);
        Assert.Equal(("1", "800002"), (error.OrderGroupId, error.Code));
    }

    [Fact]
    public void Deserialize_CustomerUser_ReadsStateAndUsageLocation()
    {
        var user = Parse<CustomerUser>("customer-user");

        Assert.Equal("Daniel@contoso.onmicrosoft.com", user.UserPrincipalName);
        Assert.Equal("US", user.UsageLocation);
        Assert.Equal(UserState.Active, user.State);
        Assert.Equal(UserDomainType.None, user.UserDomainType);
    }

    [Fact]
    public void Deserialize_UserLicenses_ReadsProductSkuAndPlans()
    {
        var licenses = Parse<ResourceCollection<License>>("user-licenses");

        var license = Assert.Single(licenses.Items);
        Assert.Equal("EMS", license.ProductSku.SkuPartNumber);
        Assert.Equal(LicenseGroupId.Group1, license.ProductSku.LicenseGroupId);
        Assert.Equal("AAD_PREMIUM", Assert.Single(license.ServicePlans).ServiceName);
    }

    [Fact]
    public void Deserialize_SubscribedSkus_ReadsUnits()
    {
        var skus = Parse<ResourceCollection<SubscribedSku>>("subscribed-skus");

        var sku = Assert.Single(skus.Items);
        Assert.Equal("f8a1db68-be16-40ed-86d5-cb42ce701560", sku.ProductSku.Id);
        Assert.Equal((0, 1, 1, 1), (sku.AvailableUnits, sku.ActiveUnits, sku.ConsumedUnits, sku.TotalUnits));
        Assert.Equal("BI_AZURE_P2", Assert.Single(sku.ServicePlans).ServiceName);
    }

    [Fact]
    public void Deserialize_LicenseUpdateRequestAndResponse_ReadsBothArrays()
    {
        var request = Parse<LicenseUpdate>("license-update-request");
        var response = Parse<LicenseUpdate>("license-update-response");

        Assert.Null(Assert.Single(request.LicensesToAssign).ExcludedPlans);
        Assert.Equal("<kaizala-pro-skuId>", Assert.Single(request.LicensesToRemove));
        Assert.Equal("3b555118-da6a-4418-894f-7df1e2096870", Assert.Single(response.LicensesToAssign).SkuId);
        Assert.Empty(response.LicenseWarnings);
    }

    [Fact]
    public void Deserialize_LicenseQuotaExceeded_ReadsFault()
    {
        var fault = Parse<ApiFault>("license-quota-exceeded");

        Assert.Equal("60012", fault.Code);
        Assert.StartsWith("We're sorry", fault.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UpgradeAndResult_ReadSnakeCaseAndIntegerEnums()
    {
        var upgrade = Parse<Upgrade>("upgrade");
        var result = Parse<UpgradeResult>("upgrade-result");

        Assert.Equal(UpgradeType.UpgradeOnly, upgrade.UpgradeType);
        Assert.Equal(UpgradeErrorCode.SubscriptionStatusNotActive, Assert.Single(upgrade.UpgradeErrors).Code);
        Assert.Equal("18181a46-0d4e-45cd-891e-60aabd171b4e", upgrade.TargetOffer!.Product!.Id);
        Assert.Equal(BillingType.License, upgrade.TargetOffer.Billing);
        Assert.Equal(UpgradeType.UpgradeOnly, result.UpgradeType);
        Assert.Empty(result.LicenseErrors);
    }

    [Fact]
    public void Deserialize_PascalCaseBody_IsReadCaseInsensitively()
    {
        var update = JsonSerializer.Deserialize<LicenseUpdate>(
            """{"LicensesToAssign":[{"SkuId":"a"}],"LicensesToRemove":["b"]}""", PartnerCenterJson.Options)!;

        Assert.Equal("a", Assert.Single(update.LicensesToAssign).SkuId);
        Assert.Equal("b", Assert.Single(update.LicensesToRemove));
    }

    [Fact]
    public void RoundTrip_SubscriptionWithFieldsTheModelDoesNotName_WritesThemBackUnchanged()
    {
        var original = ReferenceExample.Read("subscription-nce-next-term");

        var subscription = JsonSerializer.Deserialize<Subscription>(original, PartnerCenterJson.Options)!;
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(subscription, PartnerCenterJson.Options));
        using var read = JsonDocument.Parse(original);

        foreach (var property in read.RootElement.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.True or JsonValueKind.False))
        {
            Assert.True(JsonElement.DeepEquals(property.Value, written.RootElement.GetProperty(property.Name)), property.Name);
        }

        Assert.Equal("CFQ7TTC0LDPB", subscription.ExtensionData!["scheduledNextTermInstructions"].GetProperty("product").GetProperty("productId").GetString());
    }

    [Fact]
    public void Deserialize_SkuDynamicAttributes_ReadsProvisioningIdAndKeepsTheRest()
    {
        var sku = JsonSerializer.Deserialize<Sku>("""
            {"id":"0001","productId":"CFQ7TTC0LH18","title":"Microsoft 365 Business Basic","minimumQuantity":1,"maximumQuantity":300,
             "dynamicAttributes":{"isMicrosoftProduct":true,"hasConstraints":false,"provisioningId":"3b555118-da6a-4418-894f-7df1e2096870",
                                  "upgradeTargetOffers":["CFQ7TTC0LDPB:0001"]}}
            """, PartnerCenterJson.Options)!;

        Assert.Equal("3b555118-da6a-4418-894f-7df1e2096870", sku.DynamicAttributes?.ProvisioningId);
        Assert.Equal(300, sku.MaximumQuantity);
        Assert.True(sku.DynamicAttributes!.ExtensionData!["isMicrosoftProduct"].GetBoolean());
        Assert.Equal(JsonValueKind.Array, sku.DynamicAttributes.ExtensionData["upgradeTargetOffers"].ValueKind);
    }
}
