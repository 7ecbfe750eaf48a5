using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Models;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Planning;

/// <summary>
/// What the conversation asks before a migration exists: a customer's Kaizala Pro subscriptions, the plans with the
/// recommendation first, the users to move, and the preview (the pre-flight checks). Reads only: the preview writes
/// nothing to Partner Center.
/// </summary>
public sealed class MigrationPlanner(
    IPartnerCenterClient client, TenantReader tenant, KaizalaDetector detector, PlanCatalogue catalogue, PlanRecommender recommender, SellerAuthorizer authorizer,
    MigrationStore store, UserListingCache listings, RecentCustomerReads recent, RecentCustomerSearches searches, IOptions<MigrationOptions> options,
    TimeProvider time)
{
    private static readonly TimeSpan EndsSoon = TimeSpan.FromDays(14);

    private readonly MigrationApprovalOptions _approval = options.Value.Approval;

    /// <summary>
    /// Customers whose company name or domain starts with <paramref name="prefix"/> (Partner Center supports only
    /// starts-with), each once, by name: two app-only calls whatever the number of customers, or none while the same
    /// search is younger than <c>Migration:CustomerReadLifetime</c> (<see cref="RecentCustomerSearches"/>).
    /// </summary>
    public async Task<IReadOnlyList<CustomerMatch>> FindCustomersAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var found = searches.Find(prefix) ?? await SearchAndKeepAsync(prefix.Trim(), cancellationToken);

        // Ordered for each seller: the name order is the seller's culture's.
        return [.. found.OrderBy(c => c.CompanyName, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>One customer by id (a reminder or a link names it): its name and domain, one app-only call.</summary>
    public async Task<CustomerMatch> GetCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        Match(await client.GetCustomerAsync(customerId, cancellationToken));

    public async Task<IReadOnlyList<KaizalaSubscriptionSummary>> GetKaizalaSubscriptionsAsync(string customerId, CancellationToken cancellationToken)
    {
        var subscriptions = await tenant.SubscriptionsAsync(customerId, cancellationToken);
        var kaizala = subscriptions.Where(detector.IsKaizalaSubscription).ToList();
        if (kaizala.Count == 0)
        {
            return [];
        }

        var skus = await tenant.SubscribedSkusAsync(customerId, cancellationToken);
        return [.. kaizala.Select(s => tenant.Summarize(customerId, s, skus)).OrderBy(s => s.EndDate)];
    }

    /// <summary>
    /// Users of the customer holding Kaizala Pro: the cached listing while it is fresh, else a new one (page through them
    /// in the host). For a listing run in the background with its progress shown, see <see cref="ListKaizalaUsersAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<CandidateUser>> GetKaizalaUsersAsync(string customerId, CancellationToken cancellationToken) =>
        (await listings.ReadAsync(customerId, cancellationToken) ?? await ListKaizalaUsersAsync(customerId, null, cancellationToken)).KaizalaHolders;

    /// <summary>
    /// Reads every user of the customer and their licences (one licence read per user, paced by the customer's limiter:
    /// about two minutes per thousand users), reporting "x of N users read" to <paramref name="progress"/> after each user,
    /// and keeps the Kaizala Pro holders for <c>Migration:UserListingLifetime</c> so the preview need not read them again.
    /// No turn should wait on this: run it in the background and show the progress.
    /// </summary>
    public async Task<UserListing> ListKaizalaUsersAsync(string customerId, IProgress<UserReadProgress>? progress, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var users = await tenant.ListUsersAsync(customerId, progress, cancellationToken);
        var listing = new UserListing { CustomerId = customerId, ReadAt = readAt, UsersRead = users.Count, KaizalaHolders = [.. users.Where(u => u.HoldsKaizala)] };
        await listings.WriteAsync(listing, cancellationToken);
        return listing;
    }

    /// <summary>The customer's last listing while it is fresh (its <see cref="UserListing.ReadAt"/> is its age), else null.</summary>
    public Task<UserListing?> GetCachedKaizalaUsersAsync(string customerId, CancellationToken cancellationToken) =>
        listings.ReadAsync(customerId, cancellationToken);

    /// <summary>
    /// The plans for the plan card, from the customer's subscriptions and subscribed SKUs as read when the seller chose it
    /// (<see cref="RecentCustomerReads"/>, <c>Migration:CustomerReadLifetime</c>), else read now and kept. The review
    /// checks the chosen plan against a fresh read.
    /// </summary>
    public async Task<IReadOnlyList<PlanOption>> GetPlanOptionsAsync(string customerId, int usersToMove, CancellationToken cancellationToken)
    {
        var reads = recent.Find(customerId) ?? await ReadAndKeepAsync(customerId, cancellationToken);
        return recommender.Recommend(tenant.Profile(reads.SubscribedSkus, reads.Subscriptions, usersToMove));
    }

    public async Task<MigrationPreview> PreviewAsync(MigrationDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var findings = new List<Finding>();
        var entitlement = await authorizer.AuthorizeAsync(draft.Seller, SellerAction.Migrate, null, cancellationToken);
        if (!entitlement.IsAllowed)
        {
            // Nothing about the customer is read for someone who may not migrate.
            return new MigrationPreview { Draft = draft, Findings = [new Finding(FindingSeverity.Blocks, entitlement.Refusal!)] };
        }

        var plan = catalogue.Find(draft.PlanId);
        if (plan is null)
        {
            findings.Add(Finding.Blocks(MessageCodes.PlanUnknown, ("plan", draft.PlanId)));
        }

        var subscriptions = await tenant.SubscriptionsAsync(draft.CustomerId, cancellationToken);
        var skus = await tenant.SubscribedSkusAsync(draft.CustomerId, cancellationToken);
        var source = subscriptions.FirstOrDefault(s => string.Equals(s.Id, draft.SourceSubscriptionId, StringComparison.OrdinalIgnoreCase));
        var summary = source is null ? null : tenant.Summarize(draft.CustomerId, source, skus);
        findings.AddRange(SourceFindings(source, summary));
        if (await store.ReadSlotAsync(draft.CustomerId, draft.SourceSubscriptionId, cancellationToken) is { } activeId)
        {
            findings.Add(Finding.Blocks(MessageCodes.SourceMigrationActive, ("migration", activeId)));
        }

        var (users, usersReadAt) = await SelectedUsersAsync(draft, cancellationToken);
        findings.AddRange(UserFindings(users, plan, skus));

        HeldPlan? target = null;
        LicenceCountDecision? count = null;
        if (plan is not null)
        {
            if (draft.PurchaseKind == PurchaseKind.AddSeats)
            {
                target = tenant.HeldPlans(skus, subscriptions).FirstOrDefault(h => h.SubscriptionId == draft.ExistingSubscriptionId && h.Plan.Id == plan.Id);
                findings.Add(target is null
                    ? Finding.Blocks(MessageCodes.TargetNotFound, ("subscription", draft.ExistingSubscriptionId ?? ""))
                    : Finding.Info(MessageCodes.TargetFreeSeats, ("free", target.FreeSeats), ("quantity", target.Quantity)));
            }

            if (draft.PurchaseKind == PurchaseKind.NewSubscription || target is not null)
            {
                count = LicenceCountRules.Check(plan, draft.Users.Count, draft.LicenceCount, target);
                if (!count.IsAllowed)
                {
                    findings.Add(new Finding(FindingSeverity.Blocks, count.Reason!));
                }
            }
        }

        var approval = _approval.Enabled && draft.LicenceCount > _approval.SeatThreshold;
        if (approval)
        {
            findings.Add(Finding.Warns(MessageCodes.ApprovalRequired, ("seats", draft.LicenceCount), ("threshold", _approval.SeatThreshold)));
        }

        return new MigrationPreview
        {
            Draft = draft, Plan = plan, Source = summary, LicenceCount = count, Target = target, Findings = findings, Users = users,
            UsersReadAt = usersReadAt, RequiresApproval = approval,
        };
    }

    private async Task<IReadOnlyList<CustomerMatch>> SearchAndKeepAsync(string prefix, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var byName = client.SearchCustomersAsync(CustomerSearchField.CompanyName, prefix, cancellationToken);
        var byDomain = client.SearchCustomersAsync(CustomerSearchField.Domain, prefix, cancellationToken);
        IReadOnlyList<CustomerMatch> found = [.. (await byName).Items.Concat((await byDomain).Items)
            .DistinctBy(c => c.Id, StringComparer.OrdinalIgnoreCase)
            .Select(Match)];
        searches.Keep(prefix, found, readAt);
        return found;
    }

    private async Task<CustomerReads> ReadAndKeepAsync(string customerId, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var reads = new CustomerReads(
            customerId, await tenant.SubscriptionsAsync(customerId, cancellationToken), await tenant.SubscribedSkusAsync(customerId, cancellationToken), readAt);
        recent.Keep(reads);
        return reads;
    }

    // The selected users as the fresh listing has them (no call); those it lacks — the listing expired, or a user did not
    // hold Kaizala Pro when it was read — are read now, one user and one licence read each.
    private async Task<(IReadOnlyList<CandidateUser> Users, DateTimeOffset ReadAt)> SelectedUsersAsync(MigrationDraft draft, CancellationToken cancellationToken)
    {
        var listing = await listings.ReadAsync(draft.CustomerId, cancellationToken);
        var listed = (listing?.KaizalaHolders ?? []).ToDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
        var missing = draft.Users.Where(u => !listed.ContainsKey(u.Id)).Select(u => u.Id).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var readNow = missing.Count == 0 ? [] : await tenant.UsersAsync(draft.CustomerId, missing, cancellationToken);
        var fresh = readNow.ToDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<CandidateUser> users = [.. draft.Users.Select(u => listed.GetValueOrDefault(u.Id) ?? fresh[u.Id])];
        return (users, missing.Count < draft.Users.Count ? listing!.ReadAt : time.GetUtcNow());
    }

    private IEnumerable<Finding> SourceFindings(Subscription? source, KaizalaSubscriptionSummary? summary)
    {
        if (source is null || summary is null || !detector.IsKaizalaSubscription(source))
        {
            yield return Finding.Blocks(MessageCodes.SourceNotKaizala);
            yield break;
        }

        if (source.Status != SubscriptionStatus.Active)
        {
            yield return Finding.Blocks(MessageCodes.SourceNotActive, ("status", source.Status));
        }
        else if (summary.EndDate is { } end && end - time.GetUtcNow() < EndsSoon)
        {
            yield return Finding.Warns(MessageCodes.SourceEndsSoon, ("endDate", end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("days", summary.DaysLeft ?? 0));
        }

        if (!summary.ConfirmedBySubscribedSkus)
        {
            yield return Finding.Warns(MessageCodes.SourceNotConfirmed);
        }

        yield return Finding.Info(MessageCodes.SourceSeats, ("seats", summary.Seats), ("assigned", summary.AssignedUsers), ("unassigned", summary.UnassignedSeats));
        if (summary.UnassignedSeats > 0)
        {
            yield return Finding.Warns(MessageCodes.SourceUnassignedSeats, ("unassigned", summary.UnassignedSeats));
        }
    }

    private static IEnumerable<Finding> UserFindings(IReadOnlyList<CandidateUser> users, ReplacementPlan? plan, IReadOnlyList<SubscribedSku> skus)
    {
        if (users.Count == 0)
        {
            yield return Finding.Blocks(MessageCodes.UsersNone);
            yield break;
        }

        var notOnKaizala = users.Where(u => !u.HoldsKaizala && (plan is null || !u.OtherSkuIds.Contains(plan.SkuId, StringComparer.OrdinalIgnoreCase))).ToList();
        if (notOnKaizala.Count > 0)
        {
            yield return Finding.Warns(MessageCodes.UsersNotOnKaizala, ("count", notOnKaizala.Count), ("users", Names(notOnKaizala)));
        }

        var alreadyMoved = plan is null ? [] : users.Where(u => !u.HoldsKaizala && u.OtherSkuIds.Contains(plan.SkuId, StringComparer.OrdinalIgnoreCase)).ToList();
        if (alreadyMoved.Count > 0)
        {
            yield return Finding.Info(MessageCodes.UsersAlreadyMoved, ("count", alreadyMoved.Count));
        }

        var noLocation = users.Where(u => string.IsNullOrEmpty(u.UsageLocation)).ToList();
        if (noLocation.Count > 0)
        {
            yield return Finding.Warns(MessageCodes.UsersNoUsageLocation, ("count", noLocation.Count), ("users", Names(noLocation)));
        }

        // A service plan the new licence brings that a kept licence already brings (reference §6.5): Entra may refuse the
        // pair. Only knowable when the tenant already has the target SKU (its service plans are in the pool).
        var targetPlans = plan is null ? null : skus.FirstOrDefault(s => string.Equals(s.ProductSku.Id, plan.SkuId, StringComparison.OrdinalIgnoreCase))?.ServicePlans;
        if (targetPlans is { Count: > 0 })
        {
            var targetIds = targetPlans.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var overlapping = users.Where(u => u.OtherSkuIds
                .Where(id => !string.Equals(id, plan!.SkuId, StringComparison.OrdinalIgnoreCase))
                .SelectMany(id => skus.FirstOrDefault(s => string.Equals(s.ProductSku.Id, id, StringComparison.OrdinalIgnoreCase))?.ServicePlans ?? [])
                .Any(p => targetIds.Contains(p.Id))).ToList();
            if (overlapping.Count > 0)
            {
                yield return Finding.Warns(MessageCodes.UsersServicePlanOverlap, ("count", overlapping.Count), ("users", Names(overlapping)));
            }
        }
    }

    private static CustomerMatch Match(Customer customer) =>
        new(customer.Id, customer.CompanyProfile?.CompanyName ?? customer.CompanyProfile?.Domain ?? customer.Id, customer.CompanyProfile?.Domain);

    private static string Names(IEnumerable<CandidateUser> users)
    {
        var list = users.Select(u => u.DisplayName ?? u.UserPrincipalName ?? u.Id).ToList();
        return string.Join(", ", list.Take(5)) + (list.Count > 5 ? $" (+{list.Count - 5})" : "");
    }
}
