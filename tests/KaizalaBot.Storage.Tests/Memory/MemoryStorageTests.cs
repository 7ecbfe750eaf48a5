using KaizalaBot.Storage.Memory;

namespace KaizalaBot.Storage.Tests.Memory;

public sealed class MemoryStorageTests : StorageContractTests
{
    protected override IStorage Storage { get; } = new MemoryStorage();
}
