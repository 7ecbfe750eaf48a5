namespace KaizalaBot.PartnerCenter.Simulator.Behaviour;

/// <summary>Names a /v1 endpoint for fault rules and marks those that refuse app-only tokens (reference §1.2 table).</summary>
internal sealed record SimEndpointMetadata(string Name, bool RequiresUser);
