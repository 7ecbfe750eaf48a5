using KaizalaBot.Testing.Azurite;

namespace KaizalaBot.Storage.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
