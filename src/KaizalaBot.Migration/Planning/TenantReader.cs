using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.PartnerCenterAccess;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Models;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Planning;

/// <summary>
/// Read-only look at a customer for the conversation (no migration yet, so no audit): its Kaizala Pro subscriptions,
/// users with their licences, held plans and profile. Every call is paced by the per-customer limiter.
/// </summary>
public sealed class TenantReader(
    IPartnerCenterClient client, CustomerRateLimiter limiter, KaizalaDetector detector, PlanCatalogue catalogue,
    IOptions<MigrationOptions> options, TimeProvider time)
{
    private static readonly string[] EducationMarkers = ["EDU", "STUDENT", "FACULTY"];

    private readonly MigrationRunnerOptions _runner = options.Value.Runner;

    public async Task<IReadOnlyList<Subscription>> SubscriptionsAsync(string customerId, CancellationToken cancellationToken) =>
        (await CallAsync(customerId, (c, ct) => c.GetSubscriptionsAsync(customerId, ct), cancellationToken)).Items;

    public Task<Subscription> SubscriptionAsync(string customerId, string subscriptionId, CancellationToken cancellationToken) =>
        CallAsync(customerId, (c, ct) => c.GetSubscriptionAsync(customerId, subscriptionId, ct), cancellationToken);

    public async Task<IReadOnlyList<SubscribedSku>> SubscribedSkusAsync(string customerId, CancellationToken cancellationToken) =>
        (await CallAsync(customerId, (c, ct) => c.GetSubscribedSkusAsync(customerId, ct), cancellationToken)).Items;

    public KaizalaSubscriptionSummary Summarize(string customerId, Subscription subscription, IReadOnlyList<SubscribedSku> skus)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var kaizalaSku = detector.FindKaizalaSku(skus);
        var end = subscription.CommitmentEndDate;
        return new KaizalaSubscriptionSummary
        {
            CustomerId = customerId,
            SubscriptionId = subscription.Id,
            FriendlyName = subscription.FriendlyName,
            Status = subscription.Status,
            Seats = subscription.Quantity,
            AssignedUsers = kaizalaSku?.ConsumedUnits ?? 0,
            EndDate = end,
            DaysLeft = end is { } e ? (int)Math.Floor((e - time.GetUtcNow()).TotalDays) : null,
            AutoRenewEnabled = subscription.AutoRenewEnabled,
            ConfirmedBySubscribedSkus = kaizalaSku is not null,
        };
    }

    /// <summary>Every user with their licences (one licence read per user, bounded concurrency).</summary>
    public Task<IReadOnlyList<CandidateUser>> UsersAsync(string customerId, CancellationToken cancellationToken) =>
        ListUsersAsync(customerId, null, cancellationToken);

    /// <summary>Every user with their licences, reporting "x of N users read" after the users' pages and after each user.</summary>
    public async Task<IReadOnlyList<CandidateUser>> ListUsersAsync(
        string customerId, IProgress<UserReadProgress>? progress, CancellationToken cancellationToken)
    {
        var users = new List<CustomerUser>();
        var page = await CallAsync(customerId, (c, ct) => c.GetCustomerUsersPageAsync(customerId, 500, ct), cancellationToken);
        users.AddRange(page.Items);

        // Only a page with a next link costs a call (and a token of the customer's budget).
        for (var current = page; current.Links?.Next is not null;)
        {
            var previous = current;
            var next = await CallAsync(customerId, (c, ct) => c.GetNextCustomerUsersPageAsync(previous, ct), cancellationToken);
            if (next is null)
            {
                break;
            }

            users.AddRange(next.Items);
            current = next;
        }

        progress?.Report(new UserReadProgress(0, users.Count));
        return await WithLicencesAsync(customerId, users, progress, cancellationToken);
    }

    /// <summary>The given users, each read with its licences.</summary>
    public async Task<IReadOnlyList<CandidateUser>> UsersAsync(string customerId, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var users = new System.Collections.Concurrent.ConcurrentBag<CustomerUser>();
        await Parallel.ForEachAsync(userIds, Bounded(cancellationToken), async (id, ct) =>
        {
            try
            {
                users.Add(await CallAsync(customerId, (c, t) => c.GetCustomerUserAsync(customerId, id, t), ct));
            }
            catch (PartnerException ex) when (ex.ErrorCategory == PartnerErrorCategory.NotFound)
            {
                // Deleted since it was selected: the preview reports it as not holding Kaizala Pro.
                users.Add(new CustomerUser { Id = id });
            }
        });
        return await WithLicencesAsync(customerId, [.. users], null, cancellationToken);
    }

    public TenantProfile Profile(IReadOnlyList<SubscribedSku> skus, IReadOnlyList<Subscription> subscriptions, int usersToMove)
    {
        var licensed = skus.Where(s => !detector.IsKaizalaSku(s.ProductSku)).ToList();
        var frontline = licensed.Where(s => catalogue.FindBySkuId(s.ProductSku.Id)?.Family == PlanFamily.Frontline).Sum(s => s.ConsumedUnits);
        var total = licensed.Sum(s => s.ConsumedUnits);
        return new TenantProfile
        {
            IsEducation = skus.Any(s => catalogue.FindBySkuId(s.ProductSku.Id)?.Family == PlanFamily.Education
                || EducationMarkers.Any(m => s.ProductSku.SkuPartNumber?.Contains(m, StringComparison.OrdinalIgnoreCase) ?? false)),
            UsersToMove = usersToMove,
            FrontlineShare = total == 0 ? 0 : (double)frontline / total,
            HeldPlans = HeldPlans(skus, subscriptions),
        };
    }

    public IReadOnlyList<HeldPlan> HeldPlans(IReadOnlyList<SubscribedSku> skus, IReadOnlyList<Subscription> subscriptions) =>
        [.. subscriptions
            .Where(s => s.Status == SubscriptionStatus.Active)
            .Select(s => (Subscription: s, Plan: PlanOf(s)))
            .Where(x => x.Plan is not null)
            .Select(x => new HeldPlan(
                x.Plan!, x.Subscription.Id, x.Subscription.Quantity,
                skus.FirstOrDefault(k => string.Equals(k.ProductSku.Id, x.Plan!.SkuId, StringComparison.OrdinalIgnoreCase))?.AvailableUnits ?? 0))];

    /// <summary>The catalogue country: the one the Kaizala subscription's own links name, else the configured default.</summary>
    public string CountryOf(Subscription subscription)
    {
        var uri = subscription.Links?.Offer?.Uri ?? subscription.Links?.Product?.Uri ?? "";
        var at = uri.IndexOf("country=", StringComparison.OrdinalIgnoreCase);
        return at >= 0 && uri.Length >= at + 10 ? uri.Substring(at + 8, 2).ToUpperInvariant() : options.Value.DefaultCountry;
    }

    private ReplacementPlan? PlanOf(Subscription subscription)
    {
        // NCE offer ids are catalog item ids (product:sku:availability); legacy offers carry the product in links.
        var offerId = subscription.OfferId ?? "";
        return catalogue.Plans.FirstOrDefault(p => offerId.StartsWith($"{p.ProductId}:{p.SkuCode}:", StringComparison.OrdinalIgnoreCase))
            ?? catalogue.Plans.FirstOrDefault(p => string.Equals(p.Name, subscription.OfferName, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<IReadOnlyList<CandidateUser>> WithLicencesAsync(
        string customerId, List<CustomerUser> users, IProgress<UserReadProgress>? progress, CancellationToken cancellationToken)
    {
        var result = new System.Collections.Concurrent.ConcurrentDictionary<string, CandidateUser>();
        var read = 0;
        await Parallel.ForEachAsync(users, Bounded(cancellationToken), async (user, ct) =>
        {
            IReadOnlyList<License> licenses = user.UserPrincipalName is null && user.DisplayName is null
                ? []
                : (await CallAsync(customerId, (c, t) => c.GetUserLicensesAsync(customerId, user.Id, t), ct)).Items;
            result[user.Id] = new CandidateUser
            {
                Id = user.Id, UserPrincipalName = user.UserPrincipalName, DisplayName = user.DisplayName, UsageLocation = user.UsageLocation,
                HoldsKaizala = detector.HoldsKaizala(licenses),
                OtherSkuIds = [.. licenses.Where(l => !detector.IsKaizalaSku(l.ProductSku)).Select(l => l.ProductSku.Id)],
            };
            progress?.Report(new UserReadProgress(Interlocked.Increment(ref read), users.Count));
        });
        return [.. users.Select(u => result[u.Id])];
    }

    private ParallelOptions Bounded(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, _runner.LicenceConcurrency), CancellationToken = cancellationToken };

    private async Task<T> CallAsync<T>(string customerId, Func<IPartnerCenterClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        await limiter.AcquireAsync(customerId, cancellationToken);
        return await call(client, cancellationToken);
    }
}
