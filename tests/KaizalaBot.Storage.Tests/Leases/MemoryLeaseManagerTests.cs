using KaizalaBot.Storage.Leases;
using KaizalaBot.Storage.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace KaizalaBot.Storage.Tests.Leases;

public sealed class MemoryLeaseManagerTests : LocalClockLeaseManagerTests
{
    private readonly MemoryLeaseManager _leases;

    public MemoryLeaseManagerTests()
    {
        _leases = new MemoryLeaseManager(Time, NullLogger<MemoryLeaseManager>.Instance);
    }

    protected override IStorage Storage { get; } = new MemoryStorage();

    // In-process leases: every "instance" of the bot shares the one manager.
    protected override ILeaseManager NewManager() => _leases;
}
