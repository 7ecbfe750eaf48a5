using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Migration.PartnerCenterAccess;

/// <summary>On whose behalf, for which migration and customer, a Partner Center call is made (what the audit records).</summary>
public sealed record CallScope(string AuditStream, string CustomerId, Guid CorrelationId, SellerIdentity? Actor, string? PartnerCenterUserId)
{
    public static CallScope For(MigrationRecord migration) =>
        new(migration.Id, migration.CustomerId, migration.CorrelationId, migration.RequestedBy, migration.PartnerCenterUserId);
}
