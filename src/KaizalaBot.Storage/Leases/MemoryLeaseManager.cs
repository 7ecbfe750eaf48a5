using Microsoft.Extensions.Logging;

namespace KaizalaBot.Storage.Leases;

/// <summary>Leases within one process (with <see cref="Memory.MemoryStorage"/>, for tests and single-instance runs).</summary>
public sealed class MemoryLeaseManager : ILeaseManager, ILeaseStore
{
    private readonly Dictionary<string, (string HolderId, DateTimeOffset ExpiresAt)> _leases = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<MemoryLeaseManager> _logger;

    public MemoryLeaseManager(TimeProvider timeProvider, ILogger<MemoryLeaseManager> logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public Task<ILease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken) =>
        RenewingLease.TryAcquireAsync(this, name, duration, _timeProvider, _logger, cancellationToken);

    Task<bool> ILeaseStore.TryAcquireAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            if (_leases.TryGetValue(name, out var current) && current.HolderId != holderId && current.ExpiresAt > now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = (holderId, LeaseDurations.ExpiryFrom(now, duration));
            return Task.FromResult(true);
        }
    }

    Task<bool> ILeaseStore.RenewAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            // Like a blob lease, an expired lease that nobody else took can still be renewed by its holder.
            if (!_leases.TryGetValue(name, out var current) || current.HolderId != holderId)
            {
                return Task.FromResult(false);
            }

            _leases[name] = (holderId, LeaseDurations.ExpiryFrom(_timeProvider.GetUtcNow(), duration));
            return Task.FromResult(true);
        }
    }

    Task ILeaseStore.ReleaseAsync(string name, string holderId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_leases.TryGetValue(name, out var current) && current.HolderId == holderId)
            {
                _leases.Remove(name);
            }
        }

        return Task.CompletedTask;
    }
}
