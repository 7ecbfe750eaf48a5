namespace KaizalaBot.EndToEnd;

/// <summary>The demo customer a Playground test migrates, as Partner Center held it before: its holders and order count.</summary>
internal sealed record PlaygroundCustomer(string Id, string Name, string KaizalaSubscriptionId, IReadOnlyList<string> HolderIds, int Orders);
