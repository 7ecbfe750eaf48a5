using KaizalaBot.Migration.Audit;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.PartnerCenter;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Authorization;

/// <summary>
/// Who may migrate (architecture §5): a user of the partner's own tenant who holds the Partner Center Admin agent or
/// Sales agent role (members read through the client and cached briefly), or one listed in configuration. Approval
/// needs the Admin agent role (or the configured list). Every refusal is audited; a refusal calls nothing that writes.
/// </summary>
public sealed partial class SellerAuthorizer : IDisposable
{
    private readonly IPartnerCenterClient _client;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<SellerAuthorizer> _logger;
    private readonly MigrationAuthorizationOptions _options;
    private readonly string _partnerTenantId;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private RoleMembers? _members;

    public SellerAuthorizer(
        IPartnerCenterClient client, AuditTrail audit, TimeProvider time, IOptions<MigrationOptions> options,
        IOptions<PartnerCenterOptions> partnerCenter, ILogger<SellerAuthorizer> logger)
    {
        _client = client;
        _audit = audit;
        _time = time;
        _logger = logger;
        _options = options.Value.Authorization;
        _partnerTenantId = string.IsNullOrWhiteSpace(_options.PartnerTenantId) ? partnerCenter.Value.PartnerTenantId ?? "" : _options.PartnerTenantId;
    }

    /// <param name="seller">The Teams user.</param>
    /// <param name="action">What they ask to do.</param>
    /// <param name="migrationId">The migration concerned (for the audit), if any.</param>
    /// <param name="cancellationToken">Cancels the role look-up.</param>
    public async Task<AuthorizationResult> AuthorizeAsync(
        SellerIdentity seller, SellerAction action, string? migrationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var result = await DecideAsync(seller, action, cancellationToken);
        if (!result.IsAllowed)
        {
            LogRefused(seller.AadObjectId, seller.TenantId, action, result.Refusal!.Arguments["reason"]);
            await _audit.AppendAsync(
                new AuditEntry
                {
                    MigrationId = migrationId ?? AuditTrail.AuthorizationStream,
                    At = _time.GetUtcNow(),
                    Kind = AuditKind.Decision,
                    Operation = action == SellerAction.Approve ? "authorization.approve" : "authorization.migrate",
                    Actor = seller,
                    Status = "refused",
                    ErrorCode = result.Refusal.Arguments["reason"],
                },
                CancellationToken.None);
        }

        return result;
    }

    /// <summary>
    /// Whether the user may migrate, without recording anything: for deciding who receives reminders, where a partner
    /// user who is not a seller is simply not a recipient rather than a refused request.
    /// </summary>
    public Task<bool> IsEntitledAsync(SellerIdentity seller, CancellationToken cancellationToken) =>
        IsAllowedAsync(seller, SellerAction.Migrate, cancellationToken);

    /// <summary>
    /// Whether <paramref name="seller"/> may do <paramref name="action"/>, without logging or auditing a refusal: for
    /// finding who to ask (e.g. which installed users are Admin agents for an approval), not for acting on a request.
    /// </summary>
    public async Task<bool> IsAllowedAsync(SellerIdentity seller, SellerAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        return (await DecideAsync(seller, action, cancellationToken)).IsAllowed;
    }

    private async Task<AuthorizationResult> DecideAsync(SellerIdentity seller, SellerAction action, CancellationToken cancellationToken)
    {
        if (!string.Equals(seller.TenantId, _partnerTenantId, StringComparison.OrdinalIgnoreCase))
        {
            return AuthorizationResult.Refused("notPartnerTenant");
        }

        if (_options.AllowedUsers.Contains(seller.AadObjectId, StringComparer.OrdinalIgnoreCase))
        {
            return AuthorizationResult.Allowed(SellerRole.Configured, seller.AadObjectId);
        }

        var members = await MembersAsync(cancellationToken);
        if (members.AdminAgents.Contains(seller.AadObjectId))
        {
            return AuthorizationResult.Allowed(SellerRole.AdminAgent, seller.AadObjectId);
        }

        if (members.SalesAgents.Contains(seller.AadObjectId))
        {
            return action == SellerAction.Migrate
                ? AuthorizationResult.Allowed(SellerRole.SalesAgent, seller.AadObjectId)
                : AuthorizationResult.Refused("notAdminAgent");
        }

        return AuthorizationResult.Refused("noPartnerCenterRole");
    }

    private async Task<RoleMembers> MembersAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _members) is { } cached && _time.GetUtcNow() - cached.ReadAt < _options.RoleCacheDuration)
        {
            return cached;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_members is { } fresh && _time.GetUtcNow() - fresh.ReadAt < _options.RoleCacheDuration)
            {
                return fresh;
            }

            var roles = await _client.GetDirectoryRolesAsync(cancellationToken);
            var admin = await ReadMembersAsync(roles.Items.FirstOrDefault(r => Named(r.Name, _options.AdminAgentRoleName))?.Id, cancellationToken);
            var sales = await ReadMembersAsync(roles.Items.FirstOrDefault(r => Named(r.Name, _options.SalesAgentRoleName))?.Id, cancellationToken);
            var members = new RoleMembers(admin, sales, _time.GetUtcNow());
            Volatile.Write(ref _members, members);
            return members;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<IReadOnlySet<string>> ReadMembersAsync(string? roleId, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (roleId is null)
        {
            return ids;
        }

        await foreach (var member in _client.GetDirectoryRoleUserMembersAsync(roleId, cancellationToken))
        {
            ids.Add(member.Id);
        }

        return ids;
    }

    public void Dispose() => _refresh.Dispose();

    private static bool Named(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Action} to Teams user {AadObjectId} of tenant {TenantId}: {Reason}")]
    private partial void LogRefused(string aadObjectId, string tenantId, SellerAction action, string reason);
}
