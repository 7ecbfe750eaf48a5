using System.Globalization;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Catalog;
using KaizalaBot.PartnerCenter.Simulator.State;

namespace KaizalaBot.PartnerCenter.Simulator.Wire;

/// <summary>Cart, CartCheckoutResult, Order and order provisioning status (reference §5).</summary>
internal static class CommerceWire
{
    public static JsonObject Cart(CustomerRecord customer, CartRecord cart)
    {
        var (currency, _) = Market.Currency(customer.Country);
        var lines = new JsonArray();
        foreach (var line in cart.LineItems)
        {
            var json = new JsonObject
            {
                ["id"] = line.Id,
                ["catalogItemId"] = line.CatalogItemId,
                ["quantity"] = line.Quantity,
                ["currencyCode"] = currency,
                ["billingCycle"] = line.BillingCycle,
                ["termDuration"] = line.TermDuration,
            };
            if (line.FriendlyName is not null)
            {
                json["friendlyName"] = line.FriendlyName;
            }

            json["provisioningContext"] = new JsonObject();
            json["orderGroup"] = "0";
            if (PlanCatalog.FindByCatalogItemId(line.CatalogItemId) is { } plan)
            {
                var monthly = Market.MonthlyListPrice(plan);
                var unit = line.BillingCycle == "annual" ? monthly * 12 : monthly;
                json["pricing"] = new JsonObject
                {
                    ["listPrice"] = unit,
                    ["discountedPrice"] = unit,
                    ["proratedPrice"] = unit,
                    ["price"] = unit,
                    ["extendedPrice"] = unit * line.Quantity * (line.BillingCycle == "annual" ? 1 : line.TermDuration == "P1M" ? 1 : 12),
                };
            }

            if (line.ErrorCode is not null)
            {
                // CartErrorCode on the wire: the SDK's EnumJsonConverter form, snake_case (reference §5.1, form ✘).
                json["error"] = new JsonObject
                {
                    ["errorCode"] = line.ErrorCode,
                    ["errorDescription"] = line.ErrorDescription,
                    ["additionalInformation"] = new JsonObject(),
                };
            }

            lines.Add(json);
        }

        return new JsonObject
        {
            ["id"] = cart.Id,
            ["creationTimestamp"] = WireJson.Date(cart.CreationTimestamp),
            ["lastModifiedTimestamp"] = WireJson.Date(cart.LastModifiedTimestamp),
            ["expirationTimestamp"] = WireJson.Date(cart.ExpirationTimestamp),
            ["lastModifiedUser"] = cart.LastModifiedUser,
            ["status"] = cart.Status,
            ["lineItems"] = lines,
            ["links"] = new JsonObject { ["self"] = WireJson.Link($"/customers/{customer.Id}/carts/{cart.Id}") },
            ["attributes"] = WireJson.Attributes("Cart"),
        };
    }

    public static JsonObject CheckoutResult(CustomerRecord customer, IEnumerable<OrderRecord> orders) => new()
    {
        ["orders"] = new JsonArray([.. orders.Select(o => (JsonNode)Order(customer, o))]),
        ["orderErrors"] = new JsonArray(),
        ["attributes"] = WireJson.Attributes("CartCheckoutResult"),
    };

    public static JsonObject Order(CustomerRecord customer, OrderRecord order)
    {
        var (currency, symbol) = Market.Currency(customer.Country);
        var total = 0m;
        var lines = new JsonArray();
        foreach (var line in order.LineItems)
        {
            var plan = PlanCatalog.FindBySkuId(line.SkuId);
            if (plan is not null)
            {
                total += Market.MonthlyListPrice(plan) * line.Quantity;
            }

            var links = new JsonObject();
            if (plan is not null)
            {
                links["product"] = WireJson.Link($"/products/{plan.ProductId}?country={customer.Country}");
                links["sku"] = WireJson.Link($"/products/{plan.ProductId}/skus/{plan.SkuCode}?country={customer.Country}");
                links["availability"] = WireJson.Link($"/products/{plan.ProductId}/skus/{plan.SkuCode}/availabilities/{plan.AvailabilityId}?country={customer.Country}");
            }

            var json = new JsonObject
            {
                ["lineItemNumber"] = line.LineItemNumber,
                ["offerId"] = line.OfferId,
                ["termDuration"] = line.TermDuration,
                ["transactionType"] = "New",
                ["friendlyName"] = line.FriendlyName,
                ["quantity"] = line.Quantity,
                ["links"] = links,
            };

            // The new subscription's id is absent until the order is provisioned (reference §5.2): a client must find
            // it through subscriptions?order_id= once the order is completed, never from the checkout answer.
            if (order.Status == "completed")
            {
                json.Insert(2, "subscriptionId", line.SubscriptionId);
            }

            lines.Add(json);
        }

        return new JsonObject
        {
            ["id"] = order.Id,
            ["alternateId"] = order.Id,
            ["referenceCustomerId"] = customer.Id,
            ["billingCycle"] = order.BillingCycle,
            ["currencyCode"] = currency,
            ["currencySymbol"] = symbol,
            ["lineItems"] = lines,
            ["creationDate"] = WireJson.Date(order.CreationDate),
            ["status"] = order.Status,
            ["transactionType"] = "UserPurchase",
            ["links"] = new JsonObject
            {
                ["self"] = WireJson.Link($"/customers/{customer.Id}/orders/{order.Id}"),
                ["provisioningStatus"] = WireJson.Link($"/customers/{customer.Id}/orders/{order.Id}/provisioningstatus"),
            },
            ["totalPrice"] = decimal.Round(total, 2),
            ["attributes"] = WireJson.Attributes("Order"),
        };
    }

    public static JsonObject ProvisioningStatus(CustomerRecord customer, OrderRecord order)
    {
        var done = order.Status == "completed";
        var items = order.LineItems.Select(line => (JsonNode)new JsonObject
        {
            ["lineItemNumber"] = line.LineItemNumber,
            ["status"] = done ? "Fulfilled" : "PrefulfillmentPending",
            ["quantityProvisioningInformation"] = new JsonArray(new JsonObject
            {
                ["quantity"] = line.Quantity,
                ["status"] = done ? "Fulfilled" : "PrefulfillmentPending",
            }),
            ["attributes"] = WireJson.Attributes("OrderLineItemProvisioningStatus"),
        });
        return WireJson.Collection(items, string.Create(CultureInfo.InvariantCulture, $"/customers/{customer.Id}/orders/{order.Id}/provisioningstatus"));
    }
}
