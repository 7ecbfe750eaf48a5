using System.Text.Json;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;
using KaizalaBot.PartnerCenter.Simulator.Catalog;
using KaizalaBot.PartnerCenter.Simulator.Configuration;
using KaizalaBot.PartnerCenter.Simulator.Seeding;
using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter.Simulator.State;

/// <summary>
/// The simulated Partner Center: customers regenerated from the seed, tenants materialised on first use, and the
/// time-driven transitions (provisioning, expiry, deprovisioning) applied lazily whenever a tenant is read, so a
/// test that advances its fake TimeProvider sees the change on its next call.
/// </summary>
internal sealed partial class SimulatorWorld
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly WorldStore _store;
    private readonly PartnerCenterSimulatorOptions _options;
    private readonly ILogger<SimulatorWorld> _logger;
    private readonly Dictionary<string, TenantState> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RefreshTokenRecord> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Random _patchDice;
    private DemoWorldGenerator _generator;
    private IReadOnlyList<CustomerRecord> _customers;
    private Dictionary<string, CustomerRecord> _customersById;
    private DateTimeOffset _generatedAt;

    public SimulatorWorld(
        TimeProvider time, IOptions<PartnerCenterSimulatorOptions> options, ILogger<SimulatorWorld> logger)
    {
        _time = time;
        _options = options.Value;
        _logger = logger;
        _store = new WorldStore(_options.StateFilePath);
        _patchDice = new Random(_options.Seed);
        _generatedAt = _time.GetUtcNow();

        WorldSnapshot? snapshot;
        try
        {
            snapshot = _store.Load();
        }
        catch (JsonException ex)
        {
            LogStateUnreadable(_store.Quarantine(), ex);
            snapshot = null;
        }

        if (snapshot is not null && snapshot.Seed == _options.Seed && snapshot.CustomerCount == _options.CustomerCount
            && snapshot.KaizalaCustomerCount == _options.KaizalaCustomerCount)
        {
            _generatedAt = snapshot.GeneratedAt;
            foreach (var tenant in snapshot.Tenants)
            {
                _tenants[tenant.CustomerId] = TenantState.FromSnapshot(tenant);
            }

            foreach (var token in snapshot.RefreshTokens)
            {
                _refreshTokens[token.Token] = token;
            }

            LogStateLoaded(snapshot.Tenants.Count);
        }
        else if (snapshot is not null)
        {
            LogStateIgnored();
        }

        _generator = new DemoWorldGenerator(_options.Seed, _options.CustomerCount, _options.KaizalaCustomerCount, _generatedAt);
        _customers = _generator.GenerateCustomers();
        _customersById = _customers.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
    }

    public PartnerCenterSimulatorOptions Options => _options;

    public TimeProvider Time => _time;

    public DateTimeOffset GeneratedAt
    {
        get
        {
            lock (_gate)
            {
                return _generatedAt;
            }
        }
    }

    public IReadOnlyList<CustomerRecord> Customers
    {
        get
        {
            lock (_gate)
            {
                return _customers;
            }
        }
    }

    public CustomerRecord GetCustomer(string customerId)
    {
        lock (_gate)
        {
            return FindCustomer(customerId);
        }
    }

    public T Read<T>(string customerId, Func<CustomerRecord, TenantState, T> read)
    {
        lock (_gate)
        {
            var customer = FindCustomer(customerId);
            var tenant = Tenant(customer, out var changed);
            var result = read(customer, tenant);
            if (changed)
            {
                Persist();
            }

            return result;
        }
    }

    /// <summary>
    /// Runs a change under the lock, then saves the state file. Every change validates before it writes to the tenant,
    /// so a business fault thrown by <paramref name="mutate"/> leaves the world as it was.
    /// </summary>
    public T Mutate<T>(string customerId, Func<CustomerRecord, TenantState, DateTimeOffset, T> mutate)
    {
        lock (_gate)
        {
            var customer = FindCustomer(customerId);
            var tenant = Tenant(customer, out _);
            try
            {
                return mutate(customer, tenant, _time.GetUtcNow());
            }
            finally
            {
                Persist();
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _tenants.Clear();
            _refreshTokens.Clear();
            _generatedAt = _time.GetUtcNow();
            _generator = new DemoWorldGenerator(_options.Seed, _options.CustomerCount, _options.KaizalaCustomerCount, _generatedAt);
            _customers = _generator.GenerateCustomers();
            _customersById = _customers.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
            _store.Delete();
        }
    }

    public WorldSnapshot Snapshot()
    {
        lock (_gate)
        {
            return CreateSnapshot();
        }
    }

    public bool HasKaizala(CustomerRecord customer) => _generator.HasKaizala(customer.Index);

    /// <summary>Whether the next subscription PATCH is answered 202 + Location (<c>PatchAcceptedShare</c>, seeded dice).</summary>
    public bool DrawPatchAccepted()
    {
        lock (_gate)
        {
            return _options.PatchAcceptedShare > 0 && _patchDice.NextDouble() < _options.PatchAcceptedShare;
        }
    }

    public string IssueRefreshToken(string token)
    {
        lock (_gate)
        {
            _refreshTokens[token] = new RefreshTokenRecord { Token = token, IssuedAt = _time.GetUtcNow() };
            Persist();
            return token;
        }
    }

    /// <summary>
    /// Redeems a refresh token. Entra does not revoke a redeemed refresh token; it expires after 90 days without use
    /// (reference §1.2, <c>RefreshTokenInactivityLifetime</c>). The configured consent token always works.
    /// Returns false for unknown or expired tokens.
    /// </summary>
    public bool TryRedeemRefreshToken(string token)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (string.Equals(token, _options.Credentials.RefreshToken, StringComparison.Ordinal))
            {
                return true;
            }

            if (!_refreshTokens.TryGetValue(token, out var record)
                || now - (record.LastUsedAt ?? record.IssuedAt) > _options.RefreshTokenInactivityLifetime)
            {
                return false;
            }

            _refreshTokens[token] = record with { LastUsedAt = now };
            Persist();
            return true;
        }
    }

    private CustomerRecord FindCustomer(string customerId) =>
        _customersById.TryGetValue(customerId, out var customer)
            ? customer
            : throw PartnerCenterFaultException.NotFound(1000, $"Customer {customerId} was not found.");

    private TenantState Tenant(CustomerRecord customer, out bool changed)
    {
        changed = false;
        if (!_tenants.TryGetValue(customer.Id, out var tenant))
        {
            tenant = _generator.GenerateTenant(customer);
            _tenants[customer.Id] = tenant;
        }

        changed |= Advance(tenant, _time.GetUtcNow());
        return tenant;
    }

    /// <summary>Applies everything that time alone changes: accepted PATCHes, order provisioning, deprovisioning, expiry.</summary>
    private static bool Advance(TenantState tenant, DateTimeOffset now)
    {
        var changed = false;
        foreach (var pending in tenant.PendingUpdates.Values.Where(p => p.AppliesAt <= now).ToList())
        {
            tenant.Subscriptions[pending.Updated.Id] = pending.Updated;
            tenant.PendingUpdates.Remove(pending.Updated.Id);
            changed = true;
        }

        foreach (var order in tenant.Orders.Values.Where(o => o.Status == "pending" && o.ProvisionedAt <= now).ToList())
        {
            CompleteOrder(tenant, order);
            changed = true;
        }

        foreach (var subscription in tenant.Subscriptions.Values.ToList())
        {
            if (subscription.Status == "suspended" && subscription.DeprovisionDate <= now)
            {
                tenant.Subscriptions[subscription.Id] = subscription with { Status = "deleted", Version = subscription.Version + 1 };
                changed = true;
            }
            else if (subscription.Status == "active" && !subscription.AutoRenewEnabled && subscription.CommitmentEndDate < now)
            {
                tenant.Subscriptions[subscription.Id] = subscription with { Status = "expired", Version = subscription.Version + 1 };
                changed = true;
            }
        }

        return changed;
    }

    private static void CompleteOrder(TenantState tenant, OrderRecord order)
    {
        tenant.Orders[order.Id] = order with { Status = "completed" };
        foreach (var line in order.LineItems)
        {
            var plan = PlanCatalog.FindBySkuId(line.SkuId);
            var start = order.ProvisionedAt;
            tenant.Subscriptions[line.SubscriptionId] = new SubscriptionRecord
            {
                Id = line.SubscriptionId,
                OfferId = line.OfferId,
                OfferName = plan?.Title ?? line.FriendlyName,
                FriendlyName = line.FriendlyName,
                SkuId = line.SkuId,
                IsNce = true,
                Quantity = line.Quantity,
                CreationDate = order.CreationDate,
                EffectiveStartDate = start,
                CommitmentEndDate = new DateTimeOffset(start.Date, TimeSpan.Zero).Add(TermLength(line.TermDuration, start)),
                Status = "active",
                AutoRenewEnabled = true,
                BillingCycle = line.BillingCycle,
                TermDuration = line.TermDuration,
                OrderId = order.Id,
            };

            if (order.AssignToUserPrincipalName is { } upn)
            {
                var user = tenant.Users.Values.FirstOrDefault(u => string.Equals(u.UserPrincipalName, upn, StringComparison.OrdinalIgnoreCase));
                if (user is { UsageLocation: not null } && !user.AssignedSkuIds.Contains(line.SkuId, StringComparer.OrdinalIgnoreCase))
                {
                    tenant.Users[user.Id] = user with { AssignedSkuIds = [.. user.AssignedSkuIds, line.SkuId] };
                }
            }
        }
    }

    private static TimeSpan TermLength(string termDuration, DateTimeOffset start) => termDuration switch
    {
        "P1M" => start.AddMonths(1) - start,
        "P3Y" => start.AddYears(3) - start,
        _ => start.AddYears(1) - start,
    };

    private void Persist()
    {
        if (_store.IsEnabled)
        {
            _store.Save(CreateSnapshot());
        }
    }

    private WorldSnapshot CreateSnapshot() => new()
    {
        Seed = _options.Seed,
        CustomerCount = _options.CustomerCount,
        KaizalaCustomerCount = _options.KaizalaCustomerCount,
        GeneratedAt = _generatedAt,
        Tenants = [.. _tenants.Values.Select(t => t.ToSnapshot())],
        RefreshTokens = [.. _refreshTokens.Values],
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner Center simulator state loaded with {TenantCount} materialised tenants")]
    private partial void LogStateLoaded(int tenantCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Partner Center simulator state file is not valid JSON; moved to {QuarantinedPath} and starting from the seed")]
    private partial void LogStateUnreadable(string? quarantinedPath, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner Center simulator state file ignored: it was written for another seed or customer count")]
    private partial void LogStateIgnored();
}
