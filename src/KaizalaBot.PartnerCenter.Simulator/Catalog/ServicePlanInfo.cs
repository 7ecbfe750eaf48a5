namespace KaizalaBot.PartnerCenter.Simulator.Catalog;

internal sealed record ServicePlanInfo(string Id, string ServiceName, string DisplayName);
