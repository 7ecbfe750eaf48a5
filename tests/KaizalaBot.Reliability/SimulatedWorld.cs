using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Reliability;

/// <summary>The standalone simulator a harness invocation shares, and the customer whose migration every run repeats.</summary>
internal sealed record SimulatedWorld(Uri Root, HttpClient Inspection, string CustomerId, IReadOnlyList<MigrationUser> Users, string KaizalaSkuId);
