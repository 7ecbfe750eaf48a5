namespace KaizalaBot.PartnerCenter.Simulator.Configuration;

public sealed class ServicePlanConflictOptions
{
    public string First { get; set; } = "";

    public string Second { get; set; } = "";
}
