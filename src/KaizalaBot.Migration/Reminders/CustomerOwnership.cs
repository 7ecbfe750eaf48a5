using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Jobs;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// "I'll handle it": a seller takes a customer, and its reminders go to them rather than to the channel or every seller;
/// the owner can hand it back. Used by the reminder card and by the migration dialog (taking the customer it migrates).
/// Only a seller entitled to migrate may take one; the record is create-only, so two sellers racing get one owner.
/// </summary>
public sealed partial class CustomerOwnership(ReminderStore store, SellerAuthorizer authorizer, TimeProvider time, ILogger<CustomerOwnership> logger)
{
    public async Task<CustomerOwner?> GetAsync(string customerId, CancellationToken cancellationToken) =>
        (await store.ReadOwnerAsync(customerId, cancellationToken))?.Value;

    public async Task<OwnershipResult> TakeAsync(string customerId, SellerIdentity seller, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(seller);
        if (!(await authorizer.AuthorizeAsync(seller, SellerAction.Migrate, null, cancellationToken)).IsAllowed)
        {
            return new OwnershipResult(OwnershipStatus.Refused, null);
        }

        var owner = new CustomerOwner(customerId.ToLowerInvariant(), seller, time.GetUtcNow());
        if (await store.TryCreateOwnerAsync(owner, cancellationToken))
        {
            LogTaken(customerId, seller.AadObjectId);
            return new OwnershipResult(OwnershipStatus.Done, owner);
        }

        var current = await GetAsync(customerId, cancellationToken);
        return current is not null && IsSame(current.Seller, seller)
            ? new OwnershipResult(OwnershipStatus.AlreadyYours, current)
            : new OwnershipResult(OwnershipStatus.OwnedByOther, current);
    }

    /// <summary>Hands a customer back: only its owner may; its reminders go to the channel (or every seller) again.</summary>
    public async Task<OwnershipResult> ReleaseAsync(string customerId, SellerIdentity seller, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(seller);
        if (await store.ReadOwnerAsync(customerId, cancellationToken) is not { } stored)
        {
            return new OwnershipResult(OwnershipStatus.NotOwned, null);
        }

        if (!IsSame(stored.Value.Seller, seller))
        {
            return new OwnershipResult(OwnershipStatus.OwnedByOther, stored.Value);
        }

        if (!await store.TryDeleteOwnerAsync(stored, cancellationToken))
        {
            return new OwnershipResult(OwnershipStatus.OwnedByOther, await GetAsync(customerId, cancellationToken));
        }

        LogReleased(customerId, seller.AadObjectId);
        return new OwnershipResult(OwnershipStatus.Done, null);
    }

    private static bool IsSame(SellerIdentity a, SellerIdentity b) =>
        string.Equals(a.TenantId, b.TenantId, StringComparison.OrdinalIgnoreCase) && string.Equals(a.AadObjectId, b.AadObjectId, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} taken by seller {SellerObjectId}")]
    private partial void LogTaken(string customerId, string sellerObjectId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} handed back by seller {SellerObjectId}")]
    private partial void LogReleased(string customerId, string sellerObjectId);
}
