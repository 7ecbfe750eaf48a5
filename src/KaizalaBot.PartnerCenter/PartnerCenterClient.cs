using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using KaizalaBot.PartnerCenter.Authentication;
using KaizalaBot.PartnerCenter.Diagnostics;
using KaizalaBot.PartnerCenter.Http;
using KaizalaBot.PartnerCenter.Json;
using KaizalaBot.PartnerCenter.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace KaizalaBot.PartnerCenter;

// A singleton: it takes a fresh HttpClient from the factory per call, so long-lived services (the migration
// runner, the reminder worker) can hold it without capturing one HttpClient and its stale handler.
internal sealed partial class PartnerCenterClient : IPartnerCenterClient
{
    private const PartnerCenterTokenKind AppOnly = PartnerCenterTokenKind.AppOnly;
    private const PartnerCenterTokenKind AppPlusUser = PartnerCenterTokenKind.AppPlusUser;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly PartnerCenterOptions _options;
    private readonly ILogger<PartnerCenterClient> _logger;
    private readonly PartnerCenterRequestContext? _context;
    private readonly PartnerCenterTelemetry _telemetry;

    public PartnerCenterClient(
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        IOptions<PartnerCenterOptions> options,
        ILogger<PartnerCenterClient> logger,
        PartnerCenterTelemetry telemetry)
        : this(httpClientFactory, timeProvider, options.Value, logger, telemetry, context: null)
    {
    }

    private PartnerCenterClient(
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        PartnerCenterOptions options,
        ILogger<PartnerCenterClient> logger,
        PartnerCenterTelemetry telemetry,
        PartnerCenterRequestContext? context)
    {
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger;
        _telemetry = telemetry;
        _context = context;
    }

    public IPartnerCenterClient With(PartnerCenterRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PartnerCenterClient(_httpClientFactory, _timeProvider, _options, _logger, _telemetry, context);
    }

    // Customers ----------------------------------------------------------------------------------------

    public Task<SeekBasedResourceCollection<Customer>> GetCustomersPageAsync(int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return GetAsync<SeekBasedResourceCollection<Customer>>(Invariant($"customers?size={pageSize}"), AppOnly, cancellationToken);
    }

    public Task<SeekBasedResourceCollection<Customer>?> GetNextCustomersPageAsync(
        ResourceCollection<Customer> page, CancellationToken cancellationToken) =>
        GetNextPageAsync(page, AppOnly, cancellationToken);

    public IAsyncEnumerable<Customer> GetAllCustomersAsync(int pageSize, CancellationToken cancellationToken) =>
        EnumerateAsync(ct => GetCustomersPageAsync(pageSize, ct), AppOnly, cancellationToken);

    public Task<SeekBasedResourceCollection<Customer>> SearchCustomersAsync(
        CustomerSearchField field, string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);

        // Only starts_with is supported for customers; size=0 asks for the server's default page (reference §2.1).
        var filter = new SimpleFieldFilter { Field = field.ToString(), Value = prefix, Operator = FieldFilterOperation.StartsWith };
        var json = JsonSerializer.Serialize(filter, PartnerCenterJson.QueryOptions);
        return GetAsync<SeekBasedResourceCollection<Customer>>(
            $"customers?size=0&filter={Uri.EscapeDataString(json)}", AppOnly, cancellationToken);
    }

    public Task<Customer> GetCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        GetAsync<Customer>($"customers/{Segment(customerId)}", AppOnly, cancellationToken);

    public Task<CustomerCompanyProfile> GetCustomerCompanyProfileAsync(string customerId, CancellationToken cancellationToken) =>
        GetAsync<CustomerCompanyProfile>($"customers/{Segment(customerId)}/profiles/company", AppOnly, cancellationToken);

    // Subscriptions ------------------------------------------------------------------------------------

    public Task<ResourceCollection<Subscription>> GetSubscriptionsAsync(string customerId, CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<Subscription>>($"customers/{Segment(customerId)}/subscriptions", AppOnly, cancellationToken);

    public Task<ResourceCollection<Subscription>> GetSubscriptionsByOrderAsync(
        string customerId, string orderId, CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<Subscription>>(
            $"customers/{Segment(customerId)}/subscriptions?order_id={Segment(orderId)}", AppOnly, cancellationToken);

    public Task<Subscription> GetSubscriptionAsync(string customerId, string subscriptionId, CancellationToken cancellationToken) =>
        GetAsync<Subscription>(
            $"customers/{Segment(customerId)}/subscriptions/{Segment(subscriptionId)}", AppOnly, cancellationToken);

    public async Task<Subscription> PatchSubscriptionAsync(
        string customerId, Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);

        // The ETag is sent as read (the SDK's form, not re-quoted): a change made since the read is refused with 2055.
        IReadOnlyList<LinkHeader>? ifMatch = subscription.Attributes?.Etag is { Length: > 0 } etag
            ? [new LinkHeader { Key = PartnerCenterHeaders.IfMatch, Value = etag }]
            : null;
        var path = $"customers/{Segment(customerId)}/subscriptions/{Segment(subscription.Id)}";
        var (response, correlationId, requestId) = await SendRawAsync(
            HttpMethod.Patch, path, subscription, AppOnly, ifMatch, nameof(PatchSubscriptionAsync), cancellationToken);
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return await ReadBodyAsync<Subscription>(response, HttpMethod.Patch, path, correlationId, requestId, cancellationToken);
            }

            var location = response.Headers.Location is { } uri
                ? ServiceLink(uri.OriginalString)
                : throw PartnerCenterErrors.InvalidBody(response, correlationId, requestId, new JsonException("A 202 answer without a Location header."));
            var interval = PartnerCenterResilience.RetryAfterOf(response, _timeProvider) is { } retryAfter && retryAfter > TimeSpan.Zero
                ? retryAfter
                : _options.Polling.Interval;
            LogPatchAccepted(subscription.Id, location, interval, correlationId, requestId);
            return await PollUntilAppliedAsync(subscription, location, interval, cancellationToken);
        }
    }

    public Task<SubscriptionProvisioningStatus> GetSubscriptionProvisioningStatusAsync(
        string customerId, string subscriptionId, CancellationToken cancellationToken) =>
        GetAsync<SubscriptionProvisioningStatus>(
            $"customers/{Segment(customerId)}/subscriptions/{Segment(subscriptionId)}/provisioningstatus",
            AppPlusUser, cancellationToken);

    // The 202's Location names the subscription itself (update-a-subscription-by-id); it is read until it shows the
    // change, within PartnerCenter:Polling:Timeout.
    private async Task<Subscription> PollUntilAppliedAsync(
        Subscription sent, string location, TimeSpan interval, CancellationToken cancellationToken)
    {
        var deadline = _timeProvider.GetUtcNow() + _options.Polling.Timeout;
        while (true)
        {
            var remaining = deadline - _timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                LogPatchStillPending(sent.Id, _options.Polling.Timeout);
                throw new PartnerException(
                    $"Partner Center accepted the change to subscription {sent.Id} but it had not shown after {_options.Polling.Timeout}; read the subscription again before retrying.")
                {
                    ErrorCategory = PartnerErrorCategory.OperationPending,
                    StatusCode = HttpStatusCode.Accepted,
                };
            }

            await Task.Delay(interval < remaining ? interval : remaining, _timeProvider, cancellationToken);
            var current = await GetAsync<Subscription>(location, AppOnly, cancellationToken);
            if (HasTakenEffect(sent, current))
            {
                return current;
            }
        }
    }

    // What a PATCH changes shows in status, quantity and name; an ETag moves on with any change, so when the object
    // carried one, the same ETag means the change has not been applied yet.
    private static bool HasTakenEffect(Subscription sent, Subscription current) =>
        current.Status == sent.Status
        && current.Quantity == sent.Quantity
        && (sent.FriendlyName is null || current.FriendlyName == sent.FriendlyName)
        && (sent.Attributes?.Etag is not { Length: > 0 } etag || current.Attributes?.Etag != etag);

    // Catalogue ----------------------------------------------------------------------------------------

    public Task<ResourceCollection<Offer>> GetOffersAsync(string country, CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<Offer>>($"offers?country={Segment(country)}", AppOnly, cancellationToken);

    public Task<Offer> GetOfferAsync(string offerId, string country, CancellationToken cancellationToken) =>
        GetAsync<Offer>($"offers/{Segment(offerId)}?country={Segment(country)}", AppOnly, cancellationToken);

    public Task<ResourceCollection<Product>> GetProductsAsync(
        string country, string targetView, string? targetSegment, CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<Product>>(
            $"products?country={Segment(country)}&targetView={Segment(targetView)}{SegmentQuery(targetSegment)}",
            AppOnly, cancellationToken);

    public Task<Product> GetProductAsync(string productId, string country, CancellationToken cancellationToken) =>
        GetAsync<Product>($"products/{Segment(productId)}?country={Segment(country)}", AppOnly, cancellationToken);

    public Task<ResourceCollection<Sku>> GetSkusAsync(
        string productId, string country, string? targetSegment, CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<Sku>>(
            $"products/{Segment(productId)}/skus?country={Segment(country)}{SegmentQuery(targetSegment)}",
            AppOnly, cancellationToken);

    public Task<Sku> GetSkuAsync(string productId, string skuId, string country, CancellationToken cancellationToken) =>
        GetAsync<Sku>(
            $"products/{Segment(productId)}/skus/{Segment(skuId)}?country={Segment(country)}", AppOnly, cancellationToken);

    public Task<ResourceCollection<Availability>> GetAvailabilitiesAsync(
        string productId, string skuId, string country, string? targetSegment, CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<Availability>>(
            $"products/{Segment(productId)}/skus/{Segment(skuId)}/availabilities?country={Segment(country)}{SegmentQuery(targetSegment)}",
            AppOnly, cancellationToken);

    public async Task<Availability> ResolveAvailabilityAsync(
        string productId, string skuId, string country, string segment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(segment);
        var availabilities = await GetAvailabilitiesAsync(productId, skuId, country, segment, cancellationToken);
        var match = availabilities.Items.FirstOrDefault(a =>
            a.IsPurchasable
            && (a.Segment is null || string.Equals(a.Segment, segment, StringComparison.OrdinalIgnoreCase)));
        if (match is null)
        {
            LogNoAvailability(productId, skuId, country, segment);
            throw new PartnerException(
                $"No purchasable availability for product {productId} SKU {skuId} in {country} ({segment}).")
            {
                ErrorCategory = PartnerErrorCategory.NotFound,
            };
        }

        return match;
    }

    // Carts and orders ---------------------------------------------------------------------------------

    public async Task<Cart> CreateCartAsync(string customerId, Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var created = await SendAsync<Cart>(
            HttpMethod.Post, $"customers/{Segment(customerId)}/carts", cart, AppOnly, extraHeaders: null, cancellationToken);
        return ThrowIfLineItemsFailed(created);
    }

    public async Task<Cart> UpdateCartAsync(string customerId, string cartId, Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var updated = await SendAsync<Cart>(
            HttpMethod.Put, $"customers/{Segment(customerId)}/carts/{Segment(cartId)}", cart with { Id = cartId },
            AppOnly, extraHeaders: null, cancellationToken);
        return ThrowIfLineItemsFailed(updated);
    }

    public Task<Cart> GetCartAsync(string customerId, string cartId, CancellationToken cancellationToken) =>
        GetAsync<Cart>($"customers/{Segment(customerId)}/carts/{Segment(cartId)}", AppOnly, cancellationToken);

    public async Task<CartCheckoutResult> CheckoutCartAsync(string customerId, string cartId, CancellationToken cancellationToken)
    {
        var result = await SendAsync<CartCheckoutResult>(
            HttpMethod.Post, $"customers/{Segment(customerId)}/carts/{Segment(cartId)}/checkout", body: null,
            AppOnly, extraHeaders: null, cancellationToken);
        if (result.OrderErrors.Count > 0)
        {
            var first = result.OrderErrors[0];
            LogCheckoutOrderErrors(cartId, result.OrderErrors.Count, result.Orders.Count, first.Code);
            throw new PartnerException(
                $"Checkout of cart {cartId} failed for {result.OrderErrors.Count} order group(s) ({result.Orders.Count} order(s) created); first: {first.Code}: {first.Description}")
            {
                ErrorCategory = PartnerErrorCategory.OrderFailed,
                ErrorCode = first.Code,
                Description = first.Description,
                CheckoutResult = result,
            };
        }

        return result;
    }

    public Task<ResourceCollection<Order>> GetOrdersAsync(string customerId, CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<Order>>($"customers/{Segment(customerId)}/orders", AppOnly, cancellationToken);

    public Task<Order> GetOrderAsync(string customerId, string orderId, CancellationToken cancellationToken) =>
        GetAsync<Order>($"customers/{Segment(customerId)}/orders/{Segment(orderId)}", AppOnly, cancellationToken);

    public Task<ResourceCollection<OrderLineItemProvisioningStatus>> GetOrderProvisioningStatusAsync(
        string customerId, string orderId, CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<OrderLineItemProvisioningStatus>>(
            $"customers/{Segment(customerId)}/orders/{Segment(orderId)}/provisioningstatus", AppPlusUser, cancellationToken);

    // Users and licences (app+user only, reference §1.2) -----------------------------------------------

    public Task<SeekBasedResourceCollection<CustomerUser>> GetCustomerUsersPageAsync(
        string customerId, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return GetAsync<SeekBasedResourceCollection<CustomerUser>>(
            Invariant($"customers/{Segment(customerId)}/users?size={pageSize}"), AppPlusUser, cancellationToken);
    }

    public Task<SeekBasedResourceCollection<CustomerUser>?> GetNextCustomerUsersPageAsync(
        ResourceCollection<CustomerUser> page, CancellationToken cancellationToken) =>
        GetNextPageAsync(page, AppPlusUser, cancellationToken);

    public IAsyncEnumerable<CustomerUser> GetAllCustomerUsersAsync(
        string customerId, int pageSize, CancellationToken cancellationToken) =>
        EnumerateAsync(ct => GetCustomerUsersPageAsync(customerId, pageSize, ct), AppPlusUser, cancellationToken);

    public Task<CustomerUser> GetCustomerUserAsync(string customerId, string userId, CancellationToken cancellationToken) =>
        GetAsync<CustomerUser>($"customers/{Segment(customerId)}/users/{Segment(userId)}", AppPlusUser, cancellationToken);

    public Task<ResourceCollection<License>> GetUserLicensesAsync(
        string customerId, string userId, CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<License>>(
            $"customers/{Segment(customerId)}/users/{Segment(userId)}/licenses", AppPlusUser, cancellationToken);

    public Task<ResourceCollection<SubscribedSku>> GetSubscribedSkusAsync(string customerId, CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<SubscribedSku>>(
            $"customers/{Segment(customerId)}/subscribedskus", AppPlusUser, cancellationToken);

    public Task<LicenseUpdate> UpdateUserLicensesAsync(
        string customerId, string userId, LicenseUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.LicensesToAssign.Count == 0 && update.LicensesToRemove.Count == 0)
        {
            throw new ArgumentException("A licence update must assign or remove at least one licence.", nameof(update));
        }

        var body = update with { Attributes = new ResourceAttributes { ObjectType = "LicenseUpdate" } };
        return SendAsync<LicenseUpdate>(
            HttpMethod.Post, $"customers/{Segment(customerId)}/users/{Segment(userId)}/licenseupdates", body,
            AppPlusUser, extraHeaders: null, cancellationToken);
    }

    // Partner roles (decides which sellers may migrate) --------------------------------------------------

    public Task<ResourceCollection<DirectoryRole>> GetDirectoryRolesAsync(CancellationToken cancellationToken) =>
        GetAsync<ResourceCollection<DirectoryRole>>("roles", AppPlusUser, cancellationToken);

    public IAsyncEnumerable<UserMember> GetDirectoryRoleUserMembersAsync(string roleId, CancellationToken cancellationToken) =>
        EnumerateAsync(
            ct => GetAsync<SeekBasedResourceCollection<UserMember>>($"roles/{Segment(roleId)}/usermembers", AppPlusUser, ct),
            AppPlusUser,
            cancellationToken);

    // A 2xx cart may still carry per-line validation errors (reference §5.1): checking it out would fail or,
    // worse, buy only part of what was asked.
    private Cart ThrowIfLineItemsFailed(Cart cart)
    {
        var failed = cart.LineItems.Where(item => item.Error is not null).ToList();
        if (failed.Count == 0)
        {
            return cart;
        }

        var first = failed[0].Error!;
        LogCartLineItemErrors(cart.Id, failed.Count, first.ErrorCode);
        throw new PartnerException(
            $"Cart {cart.Id} has {failed.Count} line item(s) in error; first: {first.ErrorCode}: {first.ErrorDescription}")
        {
            ErrorCategory = PartnerErrorCategory.InvalidCartLineItem,
            ErrorCode = first.ErrorCode.ToString(),
            Description = first.ErrorDescription,
            Cart = cart,
        };
    }

    // Transport ----------------------------------------------------------------------------------------

    private async IAsyncEnumerable<T> EnumerateAsync<T>(
        Func<CancellationToken, Task<SeekBasedResourceCollection<T>>> firstPage,
        PartnerCenterTokenKind tokenKind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        SeekBasedResourceCollection<T>? page = await firstPage(cancellationToken);
        while (page is not null)
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }

            page = await GetNextPageAsync(page, tokenKind, cancellationToken);
        }
    }

    // The SDK enumerator's rule (reference §1.5): no links.next means last page; otherwise GET its uri as
    // given and copy every links.next.headers entry (that is how MS-ContinuationToken travels).
    private async Task<SeekBasedResourceCollection<T>?> GetNextPageAsync<T>(
        ResourceCollection<T> page, PartnerCenterTokenKind tokenKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Links?.Next is not { } next)
        {
            return null;
        }

        var headers = next.Headers.ToList();
        if (page is SeekBasedResourceCollection<T> { ContinuationToken: { Length: > 0 } token }
            && !headers.Exists(h => string.Equals(h.Key, PartnerCenterHeaders.ContinuationToken, StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new LinkHeader { Key = PartnerCenterHeaders.ContinuationToken, Value = token });
        }

        var method = string.IsNullOrEmpty(next.Method) ? HttpMethod.Get : new HttpMethod(next.Method);
        return await SendAsync<SeekBasedResourceCollection<T>>(
            method, ServiceLink(next.Uri), body: null, tokenKind, headers, cancellationToken);
    }

    // The operation names the span and metrics: the public method's name (GetCustomer, CheckoutCart, ...), a fixed
    // set, never the path (which holds ids).
    private Task<T> GetAsync<T>(
        string relativeUri, PartnerCenterTokenKind tokenKind, CancellationToken cancellationToken, [CallerMemberName] string operation = "") =>
        SendAsync<T>(HttpMethod.Get, relativeUri, body: null, tokenKind, extraHeaders: null, cancellationToken, operation);

    private async Task<T> SendAsync<T>(
        HttpMethod method,
        string relativeUri,
        object? body,
        PartnerCenterTokenKind tokenKind,
        IReadOnlyList<LinkHeader>? extraHeaders,
        CancellationToken cancellationToken,
        [CallerMemberName] string operation = "")
    {
        var (response, correlationId, requestId) = await SendRawAsync(
            method, relativeUri, body, tokenKind, extraHeaders, operation, cancellationToken);
        using (response)
        {
            return await ReadBodyAsync<T>(response, method, relativeUri, correlationId, requestId, cancellationToken);
        }
    }

    // Sends one logical call through the resilience pipeline; a non-success answer becomes a PartnerException.
    private async Task<(HttpResponseMessage Response, Guid CorrelationId, Guid RequestId)> SendRawAsync(
        HttpMethod method,
        string relativeUri,
        object? body,
        PartnerCenterTokenKind tokenKind,
        IReadOnlyList<LinkHeader>? extraHeaders,
        string operation,
        CancellationToken cancellationToken)
    {
        var correlationId = _context?.CorrelationId ?? Guid.NewGuid();

        // One id per logical call, the same on every retry of it (reference §1.3, §5.4).
        var requestId = _context?.RequestId ?? Guid.NewGuid();
        using var call = _telemetry.StartCall(operation.Replace("Async", "", StringComparison.Ordinal), method, correlationId, requestId);
        var locale = _context?.Locale ?? _options.Locale;
        var content = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), PartnerCenterJson.Options);

        var http = _httpClientFactory.CreateClient(PartnerCenterServiceCollectionExtensions.ApiHttpClientName);
        using var request = new HttpRequestMessage(method, relativeUri);
        request.Options.Set(PartnerCenterAuthenticationHandler.TokenKindKey, tokenKind);
        request.Options.Set(PartnerCenterTelemetry.CallKey, call);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add(PartnerCenterHeaders.RequestId, requestId.ToString());
        request.Headers.Add(PartnerCenterHeaders.CorrelationId, correlationId.ToString());
        request.Headers.Add(PartnerCenterHeaders.Locale, locale);
        foreach (var header in extraHeaders ?? [])
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        HttpResponseMessage response;
        try
        {
            // The resilience handler retries inside this call (see PartnerCenterResilience).
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
            || (ex is TaskCanceledException { InnerException: TimeoutException } && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(method.Method, relativeUri, correlationId, requestId, ex);
            var transport = PartnerCenterErrors.Transport(ex, correlationId, requestId);
            call.Failed(transport.ErrorCategory, null);
            throw transport;
        }

        call.Answered(response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var error = await PartnerCenterErrors.FromResponseAsync(
                    response, correlationId, requestId, _timeProvider, cancellationToken);
                LogCallFailed(method.Method, relativeUri, (int)response.StatusCode, error.ErrorCode, correlationId, requestId);
                call.Failed(error.ErrorCategory, error.ErrorCode);
                throw error;
            }
        }

        return (response, correlationId, requestId);
    }

    private async Task<T> ReadBodyAsync<T>(
        HttpResponseMessage response, HttpMethod method, string relativeUri, Guid correlationId, Guid requestId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await DeserializeAsync<T>(response.Content, cancellationToken)
                ?? throw PartnerCenterErrors.InvalidBody(response, correlationId, requestId, inner: null);
        }
        catch (JsonException ex)
        {
            LogInvalidBody(method.Method, relativeUri, correlationId, requestId, ex);
            throw PartnerCenterErrors.InvalidBody(response, correlationId, requestId, ex);
        }
    }

    // The answer is already in memory (ResponseContentRead, inside the resilience handler's attempt timeout): it is copied
    // into a pooled buffer and read in one synchronous pass, rather than streamed through the serializer's resumable
    // reader, which buffers it again and reads every object on its slower, suspendable path. A body in another charset
    // than UTF-8 goes through the transcoding reader as before.
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static async ValueTask<T?> DeserializeAsync<T>(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentType?.CharSet is { Length: > 0 } charset
            && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return await content.ReadFromJsonAsync<T>(PartnerCenterJson.Options, cancellationToken);
        }

        await using var body = await content.ReadAsStreamAsync(cancellationToken);
        if (!body.CanSeek)
        {
            return await JsonSerializer.DeserializeAsync<T>(body, PartnerCenterJson.Options, cancellationToken);
        }

        var length = checked((int)(body.Length - body.Position));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.ReadExactly(buffer, 0, length);
            var json = buffer.AsSpan(0, length);
            return JsonSerializer.Deserialize<T>(json.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json, PartnerCenterJson.Options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // links.*.uri and Location come back relative, sometimes with "/v1" and sometimes without (reference §1.1).
    // An absolute link is followed only on the configured endpoint: the bearer token must not travel elsewhere.
    private string ServiceLink(string uri)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            var endpoint = new Uri(_options.Endpoint!.AbsoluteUri.TrimEnd('/') + "/");
            return endpoint.IsBaseOf(absolute)
                ? absolute.AbsoluteUri
                : throw new PartnerException($"Partner Center answered a link outside {endpoint}; it is not followed.")
                {
                    ErrorCategory = PartnerErrorCategory.InvalidResponse,
                };
        }

        var relative = uri.TrimStart('/');
        return relative.StartsWith("v1/", StringComparison.OrdinalIgnoreCase) ? relative[3..] : relative;
    }

    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }

    private static string SegmentQuery(string? targetSegment) =>
        string.IsNullOrWhiteSpace(targetSegment) ? string.Empty : $"&targetSegment={Uri.EscapeDataString(targetSegment)}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner Center {Method} {Path} failed with HTTP {StatusCode} (code {ErrorCode}), correlation {CorrelationId}, request {RequestId}")]
    private partial void LogCallFailed(string method, string path, int statusCode, string? errorCode, Guid correlationId, Guid requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner Center {Method} {Path} could not be completed, correlation {CorrelationId}, request {RequestId}")]
    private partial void LogUnreachable(string method, string path, Guid correlationId, Guid requestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Partner Center {Method} {Path} returned a body that is not the expected JSON, correlation {CorrelationId}, request {RequestId}")]
    private partial void LogInvalidBody(string method, string path, Guid correlationId, Guid requestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner Center accepted the change to subscription {SubscriptionId} (202); reading {Location} every {Interval}, correlation {CorrelationId}, request {RequestId}")]
    private partial void LogPatchAccepted(string subscriptionId, string location, TimeSpan interval, Guid correlationId, Guid requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The accepted change to subscription {SubscriptionId} had not shown after {Timeout}")]
    private partial void LogPatchStillPending(string subscriptionId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No purchasable availability for product {ProductId} SKU {SkuId} in {Country} ({Segment})")]
    private partial void LogNoAvailability(string productId, string skuId, string country, string segment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cart {CartId} was created with {Count} line item(s) in error, first {ErrorCode}")]
    private partial void LogCartLineItemErrors(string? cartId, int count, CartErrorCode errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkout of cart {CartId} returned {ErrorCount} order error(s) and {OrderCount} order(s), first code {ErrorCode}")]
    private partial void LogCheckoutOrderErrors(string cartId, int errorCount, int orderCount, string? errorCode);
}
