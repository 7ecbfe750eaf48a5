namespace KaizalaBot.Migration.Jobs;

/// <summary>The Teams user behind a request: tenant id, Entra object id (<c>aadObjectId</c>), name, optionally UPN.</summary>
public sealed record SellerIdentity(string TenantId, string AadObjectId, string DisplayName, string? UserPrincipalName = null);
