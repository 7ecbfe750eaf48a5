using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;
using KaizalaBot.PartnerCenter.Simulator.Catalog;
using KaizalaBot.PartnerCenter.Simulator.Identity;
using KaizalaBot.PartnerCenter.Simulator.State;
using KaizalaBot.PartnerCenter.Simulator.Wire;

namespace KaizalaBot.PartnerCenter.Simulator.Endpoints;

/// <summary>
/// Carts (create/get/put, both writes answer 201) and checkout (reference §5.1, §5.2, §5.4): Active → Ordered, a second
/// checkout gets 400/800065, a checkout racing one in progress gets 409/800064, an expired cart is gone (404/800008),
/// a line above the SKU's seat limit checks out as 403/800067.
/// </summary>
internal static class CartEndpoints
{
    private static readonly string[] BillingCycles = ["monthly", "annual"];
    private static readonly string[] TermDurations = ["P1M", "P1Y", "P3Y"];

    /// <summary>CartErrorCode 10015 MaxAllowedSeatsPerSubscriptionExceeded, snake_case as the SDK writes it.</summary>
    private const string SeatLimitExceeded = "max_allowed_seats_per_subscription_exceeded";

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/customers/{customerId}/carts", CreateAsync).WithMetadata(new SimEndpointMetadata("carts.create", false));
        v1.MapGet("/customers/{customerId}/carts/{cartId}", Get).WithMetadata(new SimEndpointMetadata("carts.get", false));
        v1.MapPut("/customers/{customerId}/carts/{cartId}", PutAsync).WithMetadata(new SimEndpointMetadata("carts.update", false));
        v1.MapPost("/customers/{customerId}/carts/{cartId}/checkout", CheckoutAsync).WithMetadata(new SimEndpointMetadata("carts.checkout", false));
    }

    private static async Task<SimResponse> CreateAsync(string customerId, HttpContext http, SimulatorWorld world, CancellationToken cancellationToken)
    {
        var body = await JsonInput.ReadObjectAsync(http.Request, cancellationToken);
        var caller = (CallerIdentity)http.Items[PartnerCenterPipelineFilter.CallerItemKey]!;
        return world.Mutate(customerId, (customer, tenant, now) =>
        {
            var cart = new CartRecord
            {
                Id = Guid.NewGuid().ToString(),
                Status = "Active",
                CreationTimestamp = now,
                LastModifiedTimestamp = now,
                ExpirationTimestamp = now + world.Options.CartLifetime,
                LastModifiedUser = caller.UserObjectId ?? caller.ApplicationId,
                LineItems = ParseLines(body, customer),
            };
            tenant.Carts[cart.Id] = cart;
            return SimResponse.Created(CommerceWire.Cart(customer, cart));
        });
    }

    private static SimResponse Get(string customerId, string cartId, SimulatorWorld world) =>
        world.Read(customerId, (customer, tenant) => SimResponse.Ok(CommerceWire.Cart(customer, Find(tenant, cartId, world.Time.GetUtcNow()))));

    private static async Task<SimResponse> PutAsync(
        string customerId, string cartId, HttpContext http, SimulatorWorld world, CancellationToken cancellationToken)
    {
        var body = await JsonInput.ReadObjectAsync(http.Request, cancellationToken);
        var caller = (CallerIdentity)http.Items[PartnerCenterPipelineFilter.CallerItemKey]!;
        return world.Mutate(customerId, (customer, tenant, now) =>
        {
            var cart = Find(tenant, cartId, now);
            if (tenant.CartsBeingCheckedOut.Contains(cart.Id))
            {
                throw new PartnerCenterFaultException(409, 800064, $"Cart {cart.Id} is being processed by another request.");
            }

            if (cart.Status != "Active")
            {
                throw new PartnerCenterFaultException(400, 800065, $"Cannot update an already submitted cart {cart.Id}.");
            }

            var updated = cart with
            {
                LineItems = ParseLines(body, customer),
                LastModifiedTimestamp = now,
                LastModifiedUser = caller.UserObjectId ?? caller.ApplicationId,
            };
            tenant.Carts[cart.Id] = updated;

            // update-a-cart documents 201 Created, not 200 (reference §5.1).
            return SimResponse.Created(CommerceWire.Cart(customer, updated));
        });
    }

    private static async Task<SimResponse> CheckoutAsync(
        string customerId, string cartId, HttpRequest request, SimulatorWorld world, CancellationToken cancellationToken)
    {
        var assignTo = request.Headers["x-ms-customeruser-upn"].ToString();
        world.Mutate(customerId, (_, tenant, now) =>
        {
            var cart = Find(tenant, cartId, now);
            if (tenant.CartsBeingCheckedOut.Contains(cart.Id))
            {
                throw new PartnerCenterFaultException(409, 800064, $"Cart {cart.Id} is being processed by another request.");
            }

            if (cart.Status != "Active")
            {
                throw new PartnerCenterFaultException(400, 800065, $"Cannot check out an already submitted cart {cart.Id}.");
            }

            if (cart.LineItems.FirstOrDefault(l => l.ErrorCode == SeatLimitExceeded) is { } tooMany)
            {
                var limit = PlanCatalog.FindByCatalogItemId(tooMany.CatalogItemId)!.MaximumQuantity;
                throw new PartnerCenterFaultException(403, 800067,
                    $"The desired seat count {tooMany.Quantity} exceeded the maximum seat count {limit} allowed per subscription.");
            }

            if (cart.LineItems.Any(l => l.ErrorCode is not null))
            {
                throw new PartnerCenterFaultException(400, 800009, $"Error in cart items of cart {cart.Id}: fix every lineItems[].error first.");
            }

            tenant.CartsBeingCheckedOut.Add(cart.Id);
            return cart;
        });

        try
        {
            if (world.Options.CheckoutProcessingTime > TimeSpan.Zero)
            {
                await Task.Delay(world.Options.CheckoutProcessingTime, world.Time, cancellationToken);
            }

            return world.Mutate(customerId, (customer, tenant, now) =>
            {
                var cart = tenant.Carts[cartId];
                var order = new OrderRecord
                {
                    Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
                    CartId = cart.Id,
                    CreationDate = now,
                    ProvisionedAt = now + world.Options.ProvisioningDelay,
                    Status = "pending",
                    BillingCycle = cart.LineItems[0].BillingCycle,
                    AssignToUserPrincipalName = assignTo.Length > 0 ? assignTo : null,
                    LineItems = [.. cart.LineItems.Select((line, index) => new OrderLineRecord
                    {
                        LineItemNumber = index,
                        OfferId = line.CatalogItemId,
                        SubscriptionId = Guid.NewGuid().ToString(),
                        SkuId = PlanCatalog.FindByCatalogItemId(line.CatalogItemId)!.SkuId,
                        Quantity = line.Quantity,
                        FriendlyName = line.FriendlyName ?? PlanCatalog.FindByCatalogItemId(line.CatalogItemId)!.Title,
                        TermDuration = line.TermDuration ?? "P1Y",
                        BillingCycle = line.BillingCycle,
                    })],
                };
                tenant.Orders[order.Id] = order;
                tenant.Carts[cart.Id] = cart with { Status = "Ordered", LastModifiedTimestamp = now, OrderIds = [order.Id] };
                return SimResponse.Created(CommerceWire.CheckoutResult(customer, [order]));
            });
        }
        finally
        {
            world.Mutate(customerId, (_, tenant, _) => tenant.CartsBeingCheckedOut.Remove(cartId));
        }
    }

    private static List<CartLineRecord> ParseLines(JsonObject body, CustomerRecord customer)
    {
        if (body["lineItems"] is not JsonArray { Count: > 0 } items)
        {
            throw PartnerCenterFaultException.BadInput("A cart needs at least one line item.");
        }

        var lines = new List<CartLineRecord>();
        foreach (var item in items)
        {
            if (item is not JsonObject line)
            {
                throw PartnerCenterFaultException.BadInput("Every line item must be an object.");
            }

            var catalogItemId = JsonInput.String(line, "catalogItemId");
            var quantity = JsonInput.Int(line, "quantity");
            var billingCycle = BillingCycles.FirstOrDefault(b => b.Equals(JsonInput.String(line, "billingCycle"), StringComparison.OrdinalIgnoreCase));
            var termDuration = JsonInput.String(line, "termDuration") ?? "P1Y";
            if (string.IsNullOrEmpty(catalogItemId) || quantity is null || quantity < 1 || billingCycle is null
                || !TermDurations.Contains(termDuration, StringComparer.OrdinalIgnoreCase))
            {
                throw PartnerCenterFaultException.BadInput(
                    "Each line item needs catalogItemId, quantity >= 1, billingCycle (monthly|annual) and termDuration P1M|P1Y|P3Y.");
            }

            var record = new CartLineRecord
            {
                Id = JsonInput.Int(line, "id") ?? lines.Count,
                CatalogItemId = catalogItemId,
                Quantity = quantity.Value,
                BillingCycle = billingCycle,
                TermDuration = termDuration.ToUpperInvariant(),
                FriendlyName = JsonInput.String(line, "friendlyName"),
            };
            lines.Add(Validate(record, customer));
        }

        return lines;
    }

    /// <summary>Catalogue problems come back inside the 201 cart as lineItems[].error, not as an HTTP error (reference §5.1).</summary>
    private static CartLineRecord Validate(CartLineRecord line, CustomerRecord customer)
    {
        if (line.CatalogItemId.StartsWith(PlanCatalog.KaizalaPro.ProductId, StringComparison.OrdinalIgnoreCase)
            || PlanCatalog.FindByLegacyOfferId(line.CatalogItemId) is not null)
        {
            return line with { ErrorCode = "legacy_offer_not_eligible_for_purchase", ErrorDescription = "Legacy offers can no longer be purchased." };
        }

        var plan = PlanCatalog.FindByCatalogItemId(line.CatalogItemId);
        if (plan is null)
        {
            return line with { ErrorCode = "catalog_item_id_is_not_valid", ErrorDescription = $"Catalog item {line.CatalogItemId} is not valid; resolve the current availability first." };
        }

        if (plan.Segment != customer.Segment)
        {
            return line with { ErrorCode = "catalog_item_id_is_not_valid", ErrorDescription = $"{plan.Title} is not available to {customer.Segment} customers." };
        }

        return line.Quantity > plan.MaximumQuantity
            ? line with
            {
                ErrorCode = SeatLimitExceeded,
                ErrorDescription = $"Requested number of seats exceeds the limit: {plan.Title} allows at most {plan.MaximumQuantity} seats per subscription.",
            }
            : line;
    }

    private static CartRecord Find(TenantState tenant, string cartId, DateTimeOffset now) =>
        tenant.Carts.TryGetValue(cartId, out var cart) && (cart.Status != "Active" || cart.ExpirationTimestamp > now)
            ? cart
            : throw PartnerCenterFaultException.NotFound(800008, $"Unable to retrieve cart id {cartId}.");
}
