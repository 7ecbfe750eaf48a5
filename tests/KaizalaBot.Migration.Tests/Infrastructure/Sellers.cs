using KaizalaBot.Migration.Jobs;
using KaizalaBot.PartnerCenter.Simulator;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>Teams identities of the simulator's demo partner (see the simulator's README).</summary>
internal static class Sellers
{
    public static SellerIdentity French { get; } = new(
        SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.FrenchSellerObjectId, "Camille Martin", SimulatorDemoDirectory.FrenchSellerUpn);

    public static SellerIdentity Admin { get; } = new(
        SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.AdminAgentObjectId, "Partner Center Automation", SimulatorDemoDirectory.AdminAgentUpn);

    /// <summary>Helpdesk agent: a partner user without the Admin or Sales agent role.</summary>
    public static SellerIdentity Helpdesk { get; } = new(
        SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.HelpdeskAgentObjectId, "Priya Natarajan", SimulatorDemoDirectory.HelpdeskAgentUpn);

    /// <summary>A Sales agent's object id, but signed in from another tenant.</summary>
    public static SellerIdentity OtherTenant { get; } = new(
        "0000aaaa-0000-4000-8000-000000000001", SimulatorDemoDirectory.FrenchSellerObjectId, "Camille Martin");
}
