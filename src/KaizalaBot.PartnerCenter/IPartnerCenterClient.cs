using System.Diagnostics.CodeAnalysis;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.PartnerCenter;

/// <summary>
/// Typed Partner Center REST client; operation names follow the Microsoft.Store.PartnerCenter SDK.
/// Every failure is a <see cref="PartnerException"/>. Transient failures (429, 5xx, timeouts) are retried
/// inside a call with the same MS-RequestId; 4xx are not.
/// </summary>
public interface IPartnerCenterClient
{
    /// <summary>A client whose calls carry this context's MS-CorrelationId (and locale, request id).</summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The SDK's IPartner.With(IRequestContext) name.")]
    IPartnerCenterClient With(PartnerCenterRequestContext context);

    Task<SeekBasedResourceCollection<Customer>> GetCustomersPageAsync(int pageSize, CancellationToken cancellationToken);

    /// <summary>The page after <paramref name="page"/>, or null when it was the last one.</summary>
    Task<SeekBasedResourceCollection<Customer>?> GetNextCustomersPageAsync(
        ResourceCollection<Customer> page, CancellationToken cancellationToken);

    IAsyncEnumerable<Customer> GetAllCustomersAsync(int pageSize, CancellationToken cancellationToken);

    /// <summary>Customers whose company name or domain starts with <paramref name="prefix"/> (case-insensitive).</summary>
    Task<SeekBasedResourceCollection<Customer>> SearchCustomersAsync(
        CustomerSearchField field, string prefix, CancellationToken cancellationToken);

    Task<Customer> GetCustomerAsync(string customerId, CancellationToken cancellationToken);

    Task<CustomerCompanyProfile> GetCustomerCompanyProfileAsync(string customerId, CancellationToken cancellationToken);

    Task<ResourceCollection<Subscription>> GetSubscriptionsAsync(string customerId, CancellationToken cancellationToken);

    Task<ResourceCollection<Subscription>> GetSubscriptionsByOrderAsync(
        string customerId, string orderId, CancellationToken cancellationToken);

    Task<Subscription> GetSubscriptionAsync(string customerId, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>
    /// PATCHes the whole subscription (SDK: <c>Subscriptions.ById(id).PatchAsync(subscription)</c>). Pass the object as
    /// read, changed only where you mean it (<c>read with { Status = SubscriptionStatus.Suspended }</c>, or a new absolute
    /// <c>Quantity</c>): Partner Center takes an absent field as a change (a body without <c>autoRenewEnabled</c> turns
    /// auto-renew off and drops next-term instructions), so fields the model does not name go back as they came.
    /// Sends <c>If-Match</c> with <c>attributes.etag</c> when present: a change since the read fails with
    /// <see cref="PartnerException.ErrorCode"/> "2055". A 202 + Location answer is followed (honouring Retry-After,
    /// bounded by <c>PartnerCenter:Polling</c>) until the change shows; the subscription as then read is returned.
    /// If it has not shown in time: <see cref="PartnerErrorCategory.OperationPending"/> (read again before retrying).
    /// </summary>
    Task<Subscription> PatchSubscriptionAsync(string customerId, Subscription subscription, CancellationToken cancellationToken);

    Task<SubscriptionProvisioningStatus> GetSubscriptionProvisioningStatusAsync(
        string customerId, string subscriptionId, CancellationToken cancellationToken);

    Task<ResourceCollection<Offer>> GetOffersAsync(string country, CancellationToken cancellationToken);

    Task<Offer> GetOfferAsync(string offerId, string country, CancellationToken cancellationToken);

    Task<ResourceCollection<Product>> GetProductsAsync(
        string country, string targetView, string? targetSegment, CancellationToken cancellationToken);

    Task<Product> GetProductAsync(string productId, string country, CancellationToken cancellationToken);

    Task<ResourceCollection<Sku>> GetSkusAsync(
        string productId, string country, string? targetSegment, CancellationToken cancellationToken);

    Task<Sku> GetSkuAsync(string productId, string skuId, string country, CancellationToken cancellationToken);

    Task<ResourceCollection<Availability>> GetAvailabilitiesAsync(
        string productId, string skuId, string country, string? targetSegment, CancellationToken cancellationToken);

    /// <summary>
    /// The purchasable availability of a SKU for a segment, read now: availability ids change, so resolve
    /// one just before building a cart and never store it.
    /// </summary>
    Task<Availability> ResolveAvailabilityAsync(
        string productId, string skuId, string country, string segment, CancellationToken cancellationToken);

    /// <summary>Creates a cart; throws <see cref="PartnerErrorCategory.InvalidCartLineItem"/> when a line item carries an error.</summary>
    Task<Cart> CreateCartAsync(string customerId, Cart cart, CancellationToken cancellationToken);

    Task<Cart> GetCartAsync(string customerId, string cartId, CancellationToken cancellationToken);

    /// <summary>Replaces an active cart's line items (PUT, documented answer 201; 200 accepted too); line-item errors are thrown as for creation.</summary>
    Task<Cart> UpdateCartAsync(string customerId, string cartId, Cart cart, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a cart out; throws <see cref="PartnerErrorCategory.OrderFailed"/> (with the partial result) on order errors.
    /// The answer's <c>orders[].lineItems[].subscriptionId</c> may be absent until the order is provisioned (reference
    /// §5.2): find the new subscription with <see cref="GetSubscriptionsByOrderAsync"/> once <see cref="GetOrderAsync"/>
    /// reports the order <c>completed</c>, never from the checkout answer alone.
    /// </summary>
    Task<CartCheckoutResult> CheckoutCartAsync(string customerId, string cartId, CancellationToken cancellationToken);

    Task<ResourceCollection<Order>> GetOrdersAsync(string customerId, CancellationToken cancellationToken);

    Task<Order> GetOrderAsync(string customerId, string orderId, CancellationToken cancellationToken);

    Task<ResourceCollection<OrderLineItemProvisioningStatus>> GetOrderProvisioningStatusAsync(
        string customerId, string orderId, CancellationToken cancellationToken);

    Task<SeekBasedResourceCollection<CustomerUser>> GetCustomerUsersPageAsync(
        string customerId, int pageSize, CancellationToken cancellationToken);

    Task<SeekBasedResourceCollection<CustomerUser>?> GetNextCustomerUsersPageAsync(
        ResourceCollection<CustomerUser> page, CancellationToken cancellationToken);

    IAsyncEnumerable<CustomerUser> GetAllCustomerUsersAsync(
        string customerId, int pageSize, CancellationToken cancellationToken);

    Task<CustomerUser> GetCustomerUserAsync(string customerId, string userId, CancellationToken cancellationToken);

    Task<ResourceCollection<License>> GetUserLicensesAsync(
        string customerId, string userId, CancellationToken cancellationToken);

    Task<ResourceCollection<SubscribedSku>> GetSubscribedSkusAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Assigns and removes licences in one call (POST licenseupdates).</summary>
    Task<LicenseUpdate> UpdateUserLicensesAsync(
        string customerId, string userId, LicenseUpdate update, CancellationToken cancellationToken);

    /// <summary>The partner tenant's own roles (Admin agent, Sales agent, ...).</summary>
    Task<ResourceCollection<DirectoryRole>> GetDirectoryRolesAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<UserMember> GetDirectoryRoleUserMembersAsync(string roleId, CancellationToken cancellationToken);
}
