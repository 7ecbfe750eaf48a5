using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter.Authentication;

// Starts from the configured token and keeps the rotated one for the life of the process.
public sealed class InMemoryRefreshTokenStore(IOptions<PartnerCenterOptions> options) : IRefreshTokenStore
{
    private string? _refreshToken = options.Value.RefreshToken;

    public Task<string?> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Volatile.Read(ref _refreshToken));

    public Task SaveAsync(string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        Volatile.Write(ref _refreshToken, refreshToken);
        return Task.CompletedTask;
    }
}
