namespace KaizalaBot.PartnerCenter.Authentication;

/// <summary>
/// Holds the Secure Application Model refresh token. Entra rotates it on every use; the newest one must be
/// kept, so a host that restarts should persist it (e.g. Key Vault) by replacing this service.
/// </summary>
public interface IRefreshTokenStore
{
    Task<string?> GetAsync(CancellationToken cancellationToken);

    Task SaveAsync(string refreshToken, CancellationToken cancellationToken);
}
