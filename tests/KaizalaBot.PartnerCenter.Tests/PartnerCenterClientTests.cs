using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KaizalaBot.PartnerCenter.Json;
using KaizalaBot.PartnerCenter.Models;
using KaizalaBot.PartnerCenter.Tests.Fakes;
using KaizalaBot.Testing;

namespace KaizalaBot.PartnerCenter.Tests;

public sealed class PartnerCenterClientTests
{
    private const string CustomerId = "c5757d70-06f3-4f23-8367-5a9e55019f94";

    private static CancellationToken None => CancellationToken.None;

    private static string CustomersPage(string[] ids, string? next, string? token) =>
        JsonSerializer.Serialize(new
        {
            totalCount = ids.Length,
            items = ids.Select(id => new { id, companyProfile = new { companyName = "Company " + id }, relationshipToPartner = "reseller" }),
            continuationToken = token,
            links = next is null
                ? (object)new { self = new { uri = "/customers", method = "GET", headers = Array.Empty<object>() } }
                : new { next = new { uri = next, method = "GET", headers = new[] { new { key = "MS-ContinuationToken", value = token } } } },
            attributes = new { objectType = "Collection" },
        });

    // Drives the virtual clock until the call completes: every retry wait shorter than the attempt timeout
    // is fired as soon as it is scheduled.
    private static Task<T> CompleteWithRetriesAsync<T>(PartnerCenterTestHost host, Task<T> call) =>
        host.Clock.RunAsync(call, maxStep: TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));

    [Fact]
    public async Task GetAllCustomersAsync_TwoPages_FollowsNextLinkWithContinuationToken()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler
            .Once("/v1/customers?size=2", HttpStatusCode.OK, CustomersPage(["a", "b"], "/v1/customers?size=2&seekOperation=Next", "TOKEN1"))
            .Once("/v1/customers?size=2&seekOperation=Next", HttpStatusCode.OK, CustomersPage(["c"], null, null));

        var customers = new List<Customer>();
        await foreach (var customer in host.Client.GetAllCustomersAsync(2, None))
        {
            customers.Add(customer);
        }

        Assert.Equal(["a", "b", "c"], customers.Select(c => c.Id));
        var requests = host.Handler.ApiRequests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Header("MS-ContinuationToken"));
        Assert.Equal("/v1/customers?size=2&seekOperation=Next", requests[1].PathAndQuery);
        Assert.Equal("TOKEN1", requests[1].Header("MS-ContinuationToken"));
    }

    [Fact]
    public async Task GetNextCustomersPageAsync_LinkWithoutV1Prefix_IsResolvedUnderV1()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler
            .Once("/v1/customers?size=1", HttpStatusCode.OK, CustomersPage(["a"], "/customers?size=1&seekOperation=Next", "T"))
            .Once("/v1/customers?size=1&seekOperation=Next", HttpStatusCode.OK, CustomersPage(["b"], null, null));
        var first = await host.Client.GetCustomersPageAsync(1, None);

        var second = await host.Client.GetNextCustomersPageAsync(first, None);
        var third = await host.Client.GetNextCustomersPageAsync(second!, None);

        Assert.Equal("b", Assert.Single(second!.Items).Id);
        Assert.Null(third);
        Assert.Equal(2, host.Handler.ApiRequests.Count());
    }

    [Fact]
    public async Task SearchCustomersAsync_CompanyNamePrefix_SendsUrlEncodedSimpleFieldFilter()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once("/v1/customers?size=0&filter=", HttpStatusCode.OK, CustomersPage(["a"], null, null));

        var page = await host.Client.SearchCustomersAsync(CustomerSearchField.CompanyName, "Cont & co", None);

        Assert.Single(page.Items);
        var request = Assert.Single(host.Handler.ApiRequests);
        var rawFilter = request.Uri.Query.Split("filter=")[1];
        Assert.DoesNotContain("{", rawFilter, StringComparison.Ordinal);
        Assert.Equal("""{"Field":"CompanyName","Value":"Cont & co","Operator":"starts_with"}""", Uri.UnescapeDataString(rawFilter));
    }

    [Fact]
    public async Task SearchCustomersAsync_DomainPrefix_FiltersOnDomainField()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once("/v1/customers?size=0&filter=", HttpStatusCode.OK, CustomersPage([], null, null));

        await host.Client.SearchCustomersAsync(CustomerSearchField.Domain, "contoso", None);

        var filter = Uri.UnescapeDataString(Assert.Single(host.Handler.ApiRequests).Uri.Query.Split("filter=")[1]);
        Assert.Equal("""{"Field":"Domain","Value":"contoso","Operator":"starts_with"}""", filter);
    }

    [Fact]
    public async Task GetCustomerAsync_AnyCall_SendsPartnerCenterHeaders()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}", HttpStatusCode.OK, ReferenceExample.Read("customer-list-item"));

        var customer = await host.Client.GetCustomerAsync(CustomerId, None);

        Assert.Equal(CustomerId, customer.Id);
        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Equal("Bearer app-token-1", request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("fr-FR", request.Header("X-Locale"));
        Assert.True(Guid.TryParse(request.Header("MS-RequestId"), out _));
        Assert.True(Guid.TryParse(request.Header("MS-CorrelationId"), out _));
    }

    [Fact]
    public async Task With_CorrelationIdAndLocale_SharedByCallsWhileRequestIdsDiffer()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Always($"/v1/customers/{CustomerId}", HttpStatusCode.OK, ReferenceExample.Read("customer-list-item"));
        var correlationId = Guid.NewGuid();
        var client = host.Client.With(new PartnerCenterRequestContext { CorrelationId = correlationId, Locale = "en-GB" });

        await client.GetCustomerAsync(CustomerId, None);
        await client.GetCustomerAsync(CustomerId, None);

        var requests = host.Handler.ApiRequests.ToList();
        Assert.All(requests, r => Assert.Equal(correlationId.ToString(), r.Header("MS-CorrelationId")));
        Assert.All(requests, r => Assert.Equal("en-GB", r.Header("X-Locale")));
        Assert.NotEqual(requests[0].Header("MS-RequestId"), requests[1].Header("MS-RequestId"));
    }

    [Fact]
    public async Task GetSubscriptionAsync_ServerErrorsThenSuccess_RetriesWithSameRequestId()
    {
        using var host = new PartnerCenterTestHost();
        var path = $"/v1/customers/{CustomerId}/subscriptions/s1";
        host.Handler
            .Once(path, HttpStatusCode.ServiceUnavailable, """{"code":0,"description":"busy"}""")
            .Once(path, HttpStatusCode.InternalServerError)
            .Once(path, HttpStatusCode.OK, ReferenceExample.Read("subscription-nce"));

        var subscription = await CompleteWithRetriesAsync(host, host.Client.GetSubscriptionAsync(CustomerId, "s1", None));

        Assert.Equal(15, subscription.Quantity);
        var requestIds = host.Handler.ApiRequests.Select(r => r.Header("MS-RequestId")).ToList();
        Assert.Equal(3, requestIds.Count);
        Assert.Single(requestIds.Distinct());

        // The same message goes out again: each attempt carries the one token, not the earlier attempts' headers too.
        Assert.All(host.Handler.ApiRequests, r => Assert.Equal("Bearer app-token-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task GetSubscriptionAsync_ServerErrorEveryTime_StopsAfterBoundedAttempts()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Always($"/v1/customers/{CustomerId}/subscriptions/s1", HttpStatusCode.BadGateway, """{"code":"x","description":"down"}""");

        var error = await Assert.ThrowsAsync<PartnerException>(
            () => CompleteWithRetriesAsync(host, host.Client.GetSubscriptionAsync(CustomerId, "s1", None)));

        Assert.Equal(4, host.Handler.ApiRequests.Count());
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(PartnerErrorCategory.ServerError, error.ErrorCategory);
    }

    [Fact]
    public async Task GetSubscriptionsAsync_TooManyRequests_WaitsRetryAfterOnTheClockThenRetries()
    {
        using var host = new PartnerCenterTestHost();
        var path = $"/v1/customers/{CustomerId}/subscriptions";
        host.Handler
            .Once(path, HttpStatusCode.TooManyRequests, ReferenceExample.Read("rate-limit"), r => r.Headers.Add("Retry-After", "57"))
            .Once(path, HttpStatusCode.OK, """{"totalCount":0,"items":[]}""");

        var call = host.Client.GetSubscriptionsAsync(CustomerId, None);
        var wait = await host.Clock.WaitForTimerAsync(d => d < TimeSpan.FromMinutes(5));
        var completedBeforeWait = call.IsCompleted;
        host.Clock.Advance(wait);
        var result = await call;

        Assert.Equal(TimeSpan.FromSeconds(57), wait);
        Assert.False(completedBeforeWait);
        Assert.Empty(result.Items);
        Assert.Single(host.Handler.ApiRequests.Select(r => r.Header("MS-RequestId")).Distinct());
        Assert.Equal(2, host.Handler.ApiRequests.Count());
    }

    [Fact]
    public async Task GetSubscriptionsAsync_RetryAfterLongerThanAllowed_ThrowsWithRetryAfterAndRateLimitMessage()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/subscriptions", HttpStatusCode.TooManyRequests,
            ReferenceExample.Read("rate-limit"), r => r.Headers.Add("Retry-After", "600"));

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.GetSubscriptionsAsync(CustomerId, None));

        Assert.Equal(PartnerErrorCategory.TooManyRequests, error.ErrorCategory);
        Assert.Equal(TimeSpan.FromSeconds(600), error.RetryAfter);
        Assert.Equal("Rate limit is exceeded. Try again in 57 seconds.", error.Description);
        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task GetSubscriptionAsync_NotFound_NotRetriedAndMappedWithIds()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/subscriptions/s1", HttpStatusCode.NotFound,
            """{"code":20003,"description":"Subscription not found","source":"PartnerFD"}""");

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.GetSubscriptionAsync(CustomerId, "s1", None));

        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Equal(PartnerErrorCategory.NotFound, error.ErrorCategory);
        Assert.Equal("20003", error.ErrorCode);
        Assert.Equal("Subscription not found", error.Description);
        Assert.Equal("PartnerFD", error.ServiceErrorPayload!.Source);
        Assert.Equal(request.Header("MS-RequestId"), error.RequestId.ToString());
        Assert.Equal(request.Header("MS-CorrelationId"), error.CorrelationId.ToString());
    }

    [Fact]
    public async Task UpdateUserLicensesAsync_QuotaExceeded_NotRetriedAndCarriesCode()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/users/u1/licenseupdates", HttpStatusCode.BadRequest, ReferenceExample.Read("license-quota-exceeded"));
        var update = new LicenseUpdate { LicensesToAssign = [new LicenseAssignment { SkuId = "new" }], LicensesToRemove = ["old"] };

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.UpdateUserLicensesAsync(CustomerId, "u1", update, None));

        Assert.Equal(PartnerErrorCategory.BadInput, error.ErrorCategory);
        Assert.Equal("60012", error.ErrorCode);
        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task CheckoutCartAsync_AttemptTimesOut_RetriesWithSameRequestId()
    {
        using var host = new PartnerCenterTestHost();
        var path = $"/v1/customers/{CustomerId}/carts/cart1/checkout";
        host.Handler.OnceHang(path).Once(path, HttpStatusCode.Created, """{"orders":[{"id":"o1","status":"pending"}],"orderErrors":[]}""");

        var call = host.Client.CheckoutCartAsync(CustomerId, "cart1", None);
        var timeout = await host.Clock.WaitForTimerAsync(d => d == TimeSpan.FromMinutes(10));
        host.Clock.Advance(timeout);
        var result = await CompleteWithRetriesAsync(host, call);

        Assert.Equal("o1", Assert.Single(result.Orders).Id);
        var requests = host.Handler.ApiRequests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(HttpMethod.Post, r.Method));
        Assert.Equal(requests[0].Header("MS-RequestId"), requests[1].Header("MS-RequestId"));
    }

    [Fact]
    public async Task CheckoutCartAsync_ContextWithRequestId_ReplaysThatRequestId()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/carts/cart1/checkout", HttpStatusCode.Created, """{"orders":[{"id":"o1"}]}""");
        var requestId = Guid.NewGuid();

        await host.Client.With(new PartnerCenterRequestContext { CorrelationId = Guid.NewGuid(), RequestId = requestId })
            .CheckoutCartAsync(CustomerId, "cart1", None);

        Assert.Equal(requestId.ToString(), Assert.Single(host.Handler.ApiRequests).Header("MS-RequestId"));
    }

    [Fact]
    public async Task CheckoutCartAsync_OrderErrorsInCreated_ThrowsWithPartialResult()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/carts/cart1/checkout", HttpStatusCode.Created, ReferenceExample.Read("checkout-result"));

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.CheckoutCartAsync(CustomerId, "cart1", None));

        Assert.Equal(PartnerErrorCategory.OrderFailed, error.ErrorCategory);
        Assert.Equal("800002", error.ErrorCode);
        Assert.Equal("a68736758d9c", Assert.Single(error.CheckoutResult!.Orders).Id);
    }

    [Fact]
    public async Task CheckoutCartAsync_AlreadySubmitted_NotRetriedAndCarriesCode()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/carts/cart1/checkout", HttpStatusCode.BadRequest,
            """{"code":800065,"description":"Cannot check out an already submitted cart cart1"}""");

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.CheckoutCartAsync(CustomerId, "cart1", None));

        Assert.Equal("800065", error.ErrorCode);
        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task CreateCartAsync_LineItemErrorInCreated_ThrowsWithCart()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/carts", HttpStatusCode.Created, """
            {"id":"cart1","status":"Active","lineItems":[
              {"id":0,"catalogItemId":"BAD:0001:X","quantity":5,"billingCycle":"monthly",
               "error":{"errorCode":"catalog_item_id_is_not_valid","errorDescription":"Catalog item id is not valid"}}]}
            """);
        var cart = new Cart { LineItems = [new CartLineItem { CatalogItemId = "BAD:0001:X", Quantity = 5, BillingCycle = BillingCycleType.Monthly }] };

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.CreateCartAsync(CustomerId, cart, None));

        Assert.Equal(PartnerErrorCategory.InvalidCartLineItem, error.ErrorCategory);
        Assert.Equal(nameof(CartErrorCode.CatalogItemIdIsNotValid), error.ErrorCode);
        Assert.Equal("cart1", error.Cart!.Id);
    }

    [Fact]
    public async Task CreateCartAsync_ValidCart_PostsCamelCaseBodyWithSnakeCaseBillingCycle()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/carts", HttpStatusCode.Created, ReferenceExample.Read("cart-response"));
        var cart = new Cart
        {
            LineItems = [new CartLineItem
            {
                CatalogItemId = "CFQ7TTC0LH18:0001:CFQ7TTC0K971", Quantity = 25, BillingCycle = BillingCycleType.Monthly,
                TermDuration = "P1Y", FriendlyName = "Kaizala migration m-1",
            }],
        };

        var created = await host.Client.CreateCartAsync(CustomerId, cart, None);

        Assert.Equal("2517c51b-58cd-4abe-87ed-3ab812401ab4", created.Id);
        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var line = body.RootElement.GetProperty("lineItems")[0];
        Assert.Equal("monthly", line.GetProperty("billingCycle").GetString());
        Assert.Equal("Kaizala migration m-1", line.GetProperty("friendlyName").GetString());
        Assert.Equal(25, line.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task PatchSubscriptionAsync_ReadThenSuspended_SendsWholeObjectWithUnknownFieldsAndIfMatch()
    {
        using var host = new PartnerCenterTestHost();
        var path = $"/v1/customers/{CustomerId}/subscriptions/a4c1340d-6911-4758-bba3-0c4c6007d161";
        host.Handler
            .Once(path, HttpStatusCode.OK, ReferenceExample.Read("subscription-nce-next-term"))
            .Once(path, HttpStatusCode.OK, ReferenceExample.Read("subscription-nce-next-term").Replace("\"active\"", "\"suspended\"", StringComparison.Ordinal));
        var read = await host.Client.GetSubscriptionAsync(CustomerId, "a4c1340d-6911-4758-bba3-0c4c6007d161", None);

        var suspended = await host.Client.PatchSubscriptionAsync(CustomerId, read with { Status = SubscriptionStatus.Suspended }, None);

        Assert.Equal(SubscriptionStatus.Suspended, suspended.Status);
        var patch = host.Handler.ApiRequests.Last();
        Assert.Equal(HttpMethod.Patch, patch.Method);
        Assert.Equal("eyJpZCI6ImE0YzEiLCJ2ZXJzaW9uIjozfQ==", patch.Header("If-Match"));
        using var sent = JsonDocument.Parse(patch.Body);
        using var original = JsonDocument.Parse(ReferenceExample.Read("subscription-nce-next-term"));
        var body = sent.RootElement;
        Assert.Equal("suspended", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("autoRenewEnabled").GetBoolean());
        Assert.Equal(15, body.GetProperty("quantity").GetInt32());
        foreach (var unknown in new[] { "scheduledNextTermInstructions", "refundOptions", "attentionNeeded" })
        {
            Assert.True(JsonElement.DeepEquals(original.RootElement.GetProperty(unknown), body.GetProperty(unknown)), unknown);
        }

        Assert.True(JsonElement.DeepEquals(
            original.RootElement.GetProperty("links").GetProperty("activationLinks"), body.GetProperty("links").GetProperty("activationLinks")));
        Assert.Equal("OnlineServicesNCE", body.GetProperty("productType").GetProperty("id").GetString());
    }

    [Fact]
    public async Task PatchSubscriptionAsync_WithoutEtag_SendsNoIfMatch()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/subscriptions/a4c1340d-6911-4758-bba3-0c4c6007d161", HttpStatusCode.OK, ReferenceExample.Read("subscription-nce"));
        var subscription = JsonSerializer.Deserialize<Subscription>(ReferenceExample.Read("subscription-nce"), PartnerCenterJson.Options)!;

        await host.Client.PatchSubscriptionAsync(CustomerId, subscription with { FriendlyName = "renamed" }, None);

        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Null(request.Header("If-Match"));
        Assert.Contains("\"friendlyName\":\"renamed\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchSubscriptionAsync_StaleEtag_ThrowsWith2055AndIsNotRetried()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/subscriptions/a4c1340d-6911-4758-bba3-0c4c6007d161", HttpStatusCode.BadRequest,
            """{"code":2055,"description":"Etag is no longer valid","source":"PartnerFD"}""");
        var subscription = JsonSerializer.Deserialize<Subscription>(ReferenceExample.Read("subscription-nce-next-term"), PartnerCenterJson.Options)!;

        var error = await Assert.ThrowsAsync<PartnerException>(
            () => host.Client.PatchSubscriptionAsync(CustomerId, subscription with { Status = SubscriptionStatus.Suspended }, None));

        Assert.Equal("2055", error.ErrorCode);
        Assert.Equal(PartnerErrorCategory.BadInput, error.ErrorCategory);
        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task PatchSubscriptionAsync_AcceptedWithLocation_WaitsRetryAfterAndReadsUntilTheChangeShows()
    {
        using var host = new PartnerCenterTestHost();
        const string id = "a4c1340d-6911-4758-bba3-0c4c6007d161";
        var path = $"/v1/customers/{CustomerId}/subscriptions/{id}";
        var before = ReferenceExample.Read("subscription-nce-next-term");
        var after = before.Replace("\"active\"", "\"suspended\"", StringComparison.Ordinal).Replace("version\":3", "version\":4", StringComparison.Ordinal)
            .Replace("eyJpZCI6ImE0YzEiLCJ2ZXJzaW9uIjozfQ==", "eyJpZCI6ImE0YzEiLCJ2ZXJzaW9uIjo0fQ==", StringComparison.Ordinal);
        host.Handler
            .Once(path, HttpStatusCode.Accepted, null, r =>
            {
                r.Headers.Location = new Uri($"/customers/{CustomerId}/subscriptions/{id}", UriKind.Relative);
                r.Headers.Add("Retry-After", "20");
            })
            .Once(path, HttpStatusCode.OK, before)
            .Once(path, HttpStatusCode.OK, after);
        var read = JsonSerializer.Deserialize<Subscription>(before, PartnerCenterJson.Options)!;

        var call = host.Client.PatchSubscriptionAsync(CustomerId, read with { Status = SubscriptionStatus.Suspended }, None);
        var firstWait = await host.Clock.WaitForTimerAsync(d => d < TimeSpan.FromMinutes(1));
        host.Clock.Advance(firstWait);
        var secondWait = await host.Clock.WaitForTimerAsync(d => d < TimeSpan.FromMinutes(1));
        host.Clock.Advance(secondWait);
        var result = await call;

        Assert.Equal(TimeSpan.FromSeconds(20), firstWait);
        Assert.Equal(TimeSpan.FromSeconds(20), secondWait);
        Assert.Equal(SubscriptionStatus.Suspended, result.Status);
        Assert.Equal("eyJpZCI6ImE0YzEiLCJ2ZXJzaW9uIjo0fQ==", result.Attributes!.Etag);
        var requests = host.Handler.ApiRequests.ToList();
        Assert.Equal([HttpMethod.Patch, HttpMethod.Get, HttpMethod.Get], requests.Select(r => r.Method));
        Assert.All(requests.Skip(1), r => Assert.Equal(path, r.PathAndQuery));
    }

    [Fact]
    public async Task PatchSubscriptionAsync_AcceptedButNeverApplied_ThrowsOperationPendingAtTheBound()
    {
        using var host = new PartnerCenterTestHost(settings =>
        {
            settings["PartnerCenter:Polling:Interval"] = "00:00:30";
            settings["PartnerCenter:Polling:Timeout"] = "00:01:00";
        });
        var path = $"/v1/customers/{CustomerId}/subscriptions/a4c1340d-6911-4758-bba3-0c4c6007d161";
        host.Handler
            .Once(path, HttpStatusCode.Accepted, null, r => r.Headers.Location = new Uri($"/v1{path[3..]}", UriKind.Relative))
            .Always(path, HttpStatusCode.OK, ReferenceExample.Read("subscription-nce-next-term"));
        var read = JsonSerializer.Deserialize<Subscription>(ReferenceExample.Read("subscription-nce-next-term"), PartnerCenterJson.Options)!;

        var call = host.Client.PatchSubscriptionAsync(CustomerId, read with { Quantity = 40 }, None);
        for (var i = 0; i < 2; i++)
        {
            host.Clock.Advance(await host.Clock.WaitForTimerAsync(d => d <= TimeSpan.FromSeconds(30)));
        }

        var error = await Assert.ThrowsAsync<PartnerException>(() => call);

        Assert.Equal(PartnerErrorCategory.OperationPending, error.ErrorCategory);
        Assert.Equal(2, host.Handler.ApiRequests.Count(r => r.Method == HttpMethod.Get));
    }

    [Fact]
    public async Task PatchSubscriptionAsync_LocationOnAnotherHost_IsNotFollowed()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/subscriptions/a4c1340d-6911-4758-bba3-0c4c6007d161", HttpStatusCode.Accepted, null,
            r => r.Headers.Location = new Uri("https://attacker.example.test/v1/customers/x/subscriptions/y"));
        var read = JsonSerializer.Deserialize<Subscription>(ReferenceExample.Read("subscription-nce-next-term"), PartnerCenterJson.Options)!;

        var error = await Assert.ThrowsAsync<PartnerException>(
            () => host.Client.PatchSubscriptionAsync(CustomerId, read with { Status = SubscriptionStatus.Suspended }, None));

        Assert.Equal(PartnerErrorCategory.InvalidResponse, error.ErrorCategory);
        Assert.DoesNotContain(host.Handler.Requests, r => r.Uri.Host == "attacker.example.test");
    }

    [Fact]
    public async Task UpdateCartAsync_DocumentedCreated_ReturnsTheCart()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/carts/2517c51b-58cd-4abe-87ed-3ab812401ab4", HttpStatusCode.Created, ReferenceExample.Read("cart-response"));
        var cart = new Cart { LineItems = [new CartLineItem { CatalogItemId = "CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5", Quantity = 1, BillingCycle = BillingCycleType.Monthly }] };

        var updated = await host.Client.UpdateCartAsync(CustomerId, "2517c51b-58cd-4abe-87ed-3ab812401ab4", cart, None);

        Assert.Equal("2517c51b-58cd-4abe-87ed-3ab812401ab4", updated.Id);
        Assert.Equal(HttpMethod.Put, Assert.Single(host.Handler.ApiRequests).Method);
    }

    [Fact]
    public async Task CheckoutCartAsync_PendingOrderWithoutSubscriptionId_ReturnsTheOrder()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/carts/cart1/checkout", HttpStatusCode.Created, """
            {"orders":[{"id":"a68736758d9c","status":"pending","lineItems":[{"lineItemNumber":0,"offerId":"CFQ7TTC0LF8S:0001:CFQ7TTC0N81H",
              "termDuration":"P1M","transactionType":"New","friendlyName":"Kaizala migration m-1","quantity":12}]}],"orderErrors":[]}
            """);

        var result = await host.Client.CheckoutCartAsync(CustomerId, "cart1", None);

        var line = Assert.Single(Assert.Single(result.Orders).LineItems);
        Assert.Null(line.SubscriptionId);
        Assert.Equal(12, line.Quantity);
    }

    [Fact]
    public async Task UpdateUserLicensesAsync_AssignAndRemove_PostsBothInOneCall()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/users/u1/licenseupdates", HttpStatusCode.Created, ReferenceExample.Read("license-update-response"));
        var update = new LicenseUpdate
        {
            LicensesToAssign = [new LicenseAssignment { SkuId = "3b555118-da6a-4418-894f-7df1e2096870" }],
            LicensesToRemove = ["kaizala-sku"],
        };

        var result = await host.Client.UpdateUserLicensesAsync(CustomerId, "u1", update, None);

        Assert.Single(result.LicensesToAssign);
        using var body = JsonDocument.Parse(Assert.Single(host.Handler.ApiRequests).Body);
        Assert.Equal("3b555118-da6a-4418-894f-7df1e2096870", body.RootElement.GetProperty("licensesToAssign")[0].GetProperty("skuId").GetString());
        Assert.Equal("kaizala-sku", body.RootElement.GetProperty("licensesToRemove")[0].GetString());
        Assert.Equal("LicenseUpdate", body.RootElement.GetProperty("attributes").GetProperty("objectType").GetString());
    }

    public static TheoryData<string, string> OperationsAndTokens() => new()
    {
        { "customers", "app-token" },
        { "subscriptions", "app-token" },
        { "offers", "app-token" },
        { "availabilities", "app-token" },
        { "cart", "app-token" },
        { "order", "app-token" },
        { "users", "user-token" },
        { "licenses", "user-token" },
        { "subscribedskus", "user-token" },
        { "licenseupdates", "user-token" },
        { "subscriptionprovisioning", "user-token" },
        { "roles", "user-token" },
    };

    [Theory]
    [MemberData(nameof(OperationsAndTokens))]
    public async Task Operation_TokenFlavour_MatchesPartnerCenterRequirement(string operation, string expectedTokenPrefix)
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Always("/v1/", HttpStatusCode.OK, """{"id":"x","items":[],"totalCount":0,"skuId":"s","status":"success","productSku":{"id":"p"},"catalogItemId":"a:b:c","quantity":1}""");
        var client = host.Client;
        Func<Task> call = operation switch
        {
            "customers" => () => client.GetCustomersPageAsync(10, None),
            "subscriptions" => () => client.GetSubscriptionsAsync(CustomerId, None),
            "offers" => () => client.GetOffersAsync("US", None),
            "availabilities" => () => client.GetAvailabilitiesAsync("P", "0001", "US", "commercial", None),
            "cart" => () => client.GetCartAsync(CustomerId, "c1", None),
            "order" => () => client.GetOrderAsync(CustomerId, "o1", None),
            "users" => () => client.GetCustomerUsersPageAsync(CustomerId, 10, None),
            "licenses" => () => client.GetUserLicensesAsync(CustomerId, "u1", None),
            "subscribedskus" => () => client.GetSubscribedSkusAsync(CustomerId, None),
            "licenseupdates" => () => client.UpdateUserLicensesAsync(CustomerId, "u1", new LicenseUpdate { LicensesToRemove = ["k"] }, None),
            "subscriptionprovisioning" => () => client.GetSubscriptionProvisioningStatusAsync(CustomerId, "s1", None),
            "roles" => () => client.GetDirectoryRolesAsync(None),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        await call();

        Assert.StartsWith("Bearer " + expectedTokenPrefix, Assert.Single(host.Handler.ApiRequests).Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSubscriptionsByOrderAsync_OrderId_SendsOrderIdQuery()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/subscriptions?order_id=34b37d7340cc", HttpStatusCode.OK,
            $$"""{"totalCount":1,"items":[{{ReferenceExample.Read("subscription-nce")}}]}""");

        var subscriptions = await host.Client.GetSubscriptionsByOrderAsync(CustomerId, "34b37d7340cc", None);

        Assert.Equal("34b37d7340cc", Assert.Single(subscriptions.Items).OrderId);
    }

    [Fact]
    public async Task ResolveAvailabilityAsync_SeveralAvailabilities_ReturnsPurchasableOneOfSegment()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once("/v1/products/CFQ7TTC0LH18/skus/0001/availabilities?country=US&targetSegment=commercial", HttpStatusCode.OK, """
            {"totalCount":2,"items":[
              {"id":"OLD","productId":"CFQ7TTC0LH18","skuId":"0001","catalogItemId":"CFQ7TTC0LH18:0001:OLD","segment":"commercial","isPurchasable":false},
              {"id":"CFQ7TTC0K971","productId":"CFQ7TTC0LH18","skuId":"0001","catalogItemId":"CFQ7TTC0LH18:0001:CFQ7TTC0K971","segment":"Commercial","isPurchasable":true,
               "terms":[{"id":"t1","duration":"P1Y","billingCycle":"monthly"}]}]}
            """);

        var availability = await host.Client.ResolveAvailabilityAsync("CFQ7TTC0LH18", "0001", "US", "commercial", None);

        Assert.Equal("CFQ7TTC0LH18:0001:CFQ7TTC0K971", availability.CatalogItemId);
        Assert.Equal(BillingCycleType.Monthly, Assert.Single(availability.Terms).BillingCycle);
    }

    [Fact]
    public async Task ResolveAvailabilityAsync_NonePurchasable_ThrowsNotFound()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once("/v1/products/P/skus/0001/availabilities", HttpStatusCode.OK,
            """{"totalCount":1,"items":[{"id":"A","segment":"commercial","isPurchasable":false}]}""");

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.ResolveAvailabilityAsync("P", "0001", "US", "commercial", None));

        Assert.Equal(PartnerErrorCategory.NotFound, error.ErrorCategory);
    }

    [Fact]
    public async Task GetCustomerAsync_UnauthorizedOnce_SentAgainWithAFreshTokenAndAnswered()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler
            .Once($"/v1/customers/{CustomerId}", HttpStatusCode.Unauthorized, """{"error":"invalid_token","error_description":"The token is expired"}""")
            .Once($"/v1/customers/{CustomerId}", HttpStatusCode.OK, ReferenceExample.Read("customer-list-item"));

        var customer = await host.Client.GetCustomerAsync(CustomerId, None);

        Assert.Equal(CustomerId, customer.Id);
        var authorizations = host.Handler.ApiRequests.Select(r => r.Header("Authorization")).ToList();
        Assert.Equal(["Bearer app-token-1", "Bearer app-token-2"], authorizations);
    }

    [Fact]
    public async Task GetCustomerAsync_UnauthorizedWithAFreshTokenToo_ThrowsUnauthorizedAfterOneRetryAndTheNextCallFetchesAgain()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler
            .Once($"/v1/customers/{CustomerId}", HttpStatusCode.Unauthorized, """{"code":400,"description":"access denied"}""")
            .Once($"/v1/customers/{CustomerId}", HttpStatusCode.Unauthorized, """{"code":400,"description":"access denied"}""")
            .Once($"/v1/customers/{CustomerId}", HttpStatusCode.OK, ReferenceExample.Read("customer-list-item"));

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.GetCustomerAsync(CustomerId, None));
        await host.Client.GetCustomerAsync(CustomerId, None);

        Assert.Equal(PartnerErrorCategory.Unauthorized, error.ErrorCategory);
        var authorizations = host.Handler.ApiRequests.Select(r => r.Header("Authorization")).ToList();
        Assert.Equal(["Bearer app-token-1", "Bearer app-token-2", "Bearer app-token-3"], authorizations);
    }

    [Fact]
    public async Task GetCustomerAsync_CallerCancels_ThrowsOperationCanceledNotPartnerException()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.OnceHang($"/v1/customers/{CustomerId}");
        using var cancellation = new CancellationTokenSource();

        var call = host.Client.GetCustomerAsync(CustomerId, cancellation.Token);
        await host.Handler.WhenApiRequests(1).WithinAsync("the customer request");

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WithinAsync("the cancelled call"));
        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task GetDirectoryRoleUserMembersAsync_TwoPages_ReturnsAllMembers()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler
            .Once("/v1/roles/r1/usermembers?seekOperation=Next", HttpStatusCode.OK,
                """{"totalCount":1,"items":[{"id":"u2","userPrincipalName":"b@p.com","roleId":"r1"}]}""")
            .Once("/v1/roles/r1/usermembers", HttpStatusCode.OK, """
                {"totalCount":1,"items":[{"id":"u1","userPrincipalName":"a@p.com","displayName":"A","roleId":"r1"}],
                 "continuationToken":"CT","links":{"next":{"uri":"/roles/r1/usermembers?seekOperation=Next","method":"GET","headers":[]}}}
                """);

        var members = new List<UserMember>();
        await foreach (var member in host.Client.GetDirectoryRoleUserMembersAsync("r1", None))
        {
            members.Add(member);
        }

        Assert.Equal(["u1", "u2"], members.Select(m => m.Id));
        Assert.Equal("CT", host.Handler.ApiRequests.Last().Header("MS-ContinuationToken"));
    }

    [Fact]
    public async Task GetDirectoryRolesAsync_RolesList_ReadsNames()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once("/v1/roles", HttpStatusCode.OK,
            """{"totalCount":2,"items":[{"id":"r1","name":"Admin Agent","attributes":{"objectType":"DirectoryRole"}},{"id":"r2","name":"Sales Agent"}]}""");

        var roles = await host.Client.GetDirectoryRolesAsync(None);

        Assert.Equal(["Admin Agent", "Sales Agent"], roles.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task GetCustomerAsync_BodyIsNotJson_ThrowsInvalidResponse()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}", HttpStatusCode.OK, "<html>proxy</html>");

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.GetCustomerAsync(CustomerId, None));

        Assert.Equal(PartnerErrorCategory.InvalidResponse, error.ErrorCategory);
    }

    [Fact]
    public async Task GetCustomerAsync_BodyWithAUtf8ByteOrderMark_IsRead()
    {
        using var host = new PartnerCenterTestHost();
        var json = ReferenceExample.Read("customer-list-item");
        host.Handler.Once($"/v1/customers/{CustomerId}", HttpStatusCode.OK, configure: response =>
        {
            response.Content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]);
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        });

        var customer = await host.Client.GetCustomerAsync(CustomerId, None);

        Assert.Equal(CustomerId, customer.Id);
    }

    [Fact]
    public async Task GetCustomerAsync_BodyInAnotherCharset_IsTranscodedAndRead()
    {
        using var host = new PartnerCenterTestHost();
        var json = ReferenceExample.Read("customer-list-item");
        host.Handler.Once($"/v1/customers/{CustomerId}", HttpStatusCode.OK, configure: response =>
            response.Content = new StringContent(json, Encoding.Unicode, "application/json"));

        var customer = await host.Client.GetCustomerAsync(CustomerId, None);

        Assert.Equal(CustomerId, customer.Id);
    }

    [Fact]
    public async Task GetCustomerAsync_BodyIsJsonNull_ThrowsInvalidResponse()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}", HttpStatusCode.OK, "null");

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.GetCustomerAsync(CustomerId, None));

        Assert.Equal(PartnerErrorCategory.InvalidResponse, error.ErrorCategory);
    }

    [Fact]
    public async Task GetCustomerAsync_TokenEndpointBusyOnce_RetriesTheAttempt()
    {
        using var host = new PartnerCenterTestHost();
        var tokenCalls = 0;
        host.Handler.TokenResponder = _ => Interlocked.Increment(ref tokenCalls) == 1
            ? StubHttpMessageHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error":"temporarily_unavailable","error_description":"AADSTS90033: busy"}""", null)
            : StubHttpMessageHandler.Json(HttpStatusCode.OK, """{"token_type":"Bearer","expires_in":3600,"access_token":"app-token-after-retry"}""", null);
        host.Handler.Once($"/v1/customers/{CustomerId}", HttpStatusCode.OK, ReferenceExample.Read("customer-list-item"));

        var customer = await CompleteWithRetriesAsync(host, host.Client.GetCustomerAsync(CustomerId, None));

        Assert.Equal(CustomerId, customer.Id);
        Assert.Equal(2, host.Handler.TokenRequests.Count());
        Assert.Equal("Bearer app-token-after-retry", Assert.Single(host.Handler.ApiRequests).Header("Authorization"));
    }

    [Fact]
    public async Task GetCustomerAsync_TokenRefused_NotRetried()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.TokenResponder = _ => StubHttpMessageHandler.Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""", null);

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.GetCustomerAsync(CustomerId, None));

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Single(host.Handler.TokenRequests);
        Assert.Empty(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task UpdateCartAsync_LineItemErrorInAnswer_ThrowsWithCart()
    {
        using var host = new PartnerCenterTestHost();
        host.Handler.Once($"/v1/customers/{CustomerId}/carts/cart1", HttpStatusCode.OK, """
            {"id":"cart1","status":"Active","lineItems":[{"id":0,"catalogItemId":"A:0001:B","quantity":20000,"billingCycle":"monthly",
              "error":{"errorCode":10015,"errorDescription":"At most 10000 seats per subscription."}}]}
            """);
        var cart = new Cart { LineItems = [new CartLineItem { CatalogItemId = "A:0001:B", Quantity = 20000, BillingCycle = BillingCycleType.Monthly }] };

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.UpdateCartAsync(CustomerId, "cart1", cart, None));

        Assert.Equal(nameof(CartErrorCode.MaxAllowedSeatsPerSubscriptionExceeded), error.ErrorCode);
        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Contains("\"id\":\"cart1\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSubscriptionAsync_RetriesDisabled_FailsOnFirstServerError()
    {
        using var host = new PartnerCenterTestHost(settings => settings["PartnerCenter:Retry:MaxRetryAttempts"] = "0");
        host.Handler.Always($"/v1/customers/{CustomerId}/subscriptions/s1", HttpStatusCode.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<PartnerException>(() => host.Client.GetSubscriptionAsync(CustomerId, "s1", None));

        Assert.Equal(PartnerErrorCategory.ServerBusy, error.ErrorCategory);
        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task GetSubscriptionAsync_ServiceUnavailableWithRetryAfter_WaitsThatLong()
    {
        using var host = new PartnerCenterTestHost();
        var path = $"/v1/customers/{CustomerId}/subscriptions/s1";
        host.Handler
            .Once(path, HttpStatusCode.ServiceUnavailable, null, r => r.Headers.Add("Retry-After", "7"))
            .Once(path, HttpStatusCode.OK, ReferenceExample.Read("subscription-nce"));

        var call = host.Client.GetSubscriptionAsync(CustomerId, "s1", None);
        var wait = await host.Clock.WaitForTimerAsync(d => d < TimeSpan.FromMinutes(5));
        host.Clock.Advance(wait);
        await call;

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Equal(2, host.Handler.ApiRequests.Count());
    }
}
