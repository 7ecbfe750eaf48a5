namespace KaizalaBot.Tests.Support;

/// <summary>A customer of the simulator's demo world, its active Kaizala Pro subscription and the users holding it.</summary>
internal sealed record DemoCustomer(string Id, string Name, string KaizalaSubscriptionId, IReadOnlyList<string> HolderIds);
