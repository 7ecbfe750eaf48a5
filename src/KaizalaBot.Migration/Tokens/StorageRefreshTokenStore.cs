using KaizalaBot.Migration.Jobs;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Authentication;
using KaizalaBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Tokens;

/// <summary>
/// Keeps the rotated Partner Center refresh token in <see cref="IStorage"/>, so a restart or a second instance keeps
/// working after the configured token was redeemed (reference §1.2). A save is conditional on the version this
/// instance last read: when another instance stored a token meanwhile (rotated from the same or a newer one), its
/// token is kept and ours dropped — both stay valid, and an older token never replaces a newer one. The token itself is
/// never logged.
/// </summary>
public sealed partial class StorageRefreshTokenStore(
    IStorage storage, IOptions<PartnerCenterOptions> options, TimeProvider time, ILogger<StorageRefreshTokenStore> logger) : IRefreshTokenStore
{
    internal const string Key = "partner-center/refresh-token";

    private string? _lastReadETag;

    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await storage.ReadAsync<StoredRefreshToken>(Key, MigrationJson.Options, cancellationToken);
        Volatile.Write(ref _lastReadETag, stored?.ETag);
        return stored?.Value.Token ?? options.Value.RefreshToken;
    }

    public async Task SaveAsync(string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        var readETag = Volatile.Read(ref _lastReadETag);
        var condition = readETag is null ? WriteCondition.CreateOnly : WriteCondition.IfMatch(readETag);
        try
        {
            var eTag = await storage.WriteAsync(Key, new StoredRefreshToken(refreshToken, time.GetUtcNow()), condition, MigrationJson.Options, cancellationToken);
            Volatile.Write(ref _lastReadETag, eTag);
        }
        catch (StorageConflictException)
        {
            LogNewerTokenKept();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance stored a rotated Partner Center refresh token first; keeping that one")]
    private partial void LogNewerTokenKept();
}
