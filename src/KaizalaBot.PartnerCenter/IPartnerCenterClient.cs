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

    /// <summary>PATCH with only the fields set in <paramref name="update"/> (suspend, friendly name, auto-renew).</summary>
    Task<Subscription> PatchSubscriptionAsync(
        string customerId, string subscriptionId, SubscriptionUpdate update, CancellationToken cancellationToken);

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

    /// <summary>Replaces an active cart's line items (PUT); line-item errors are thrown as for creation.</summary>
    Task<Cart> UpdateCartAsync(string customerId, string cartId, Cart cart, CancellationToken cancellationToken);

    /// <summary>Checks a cart out; throws <see cref="PartnerErrorCategory.OrderFailed"/> (with the partial result) on order errors.</summary>
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
