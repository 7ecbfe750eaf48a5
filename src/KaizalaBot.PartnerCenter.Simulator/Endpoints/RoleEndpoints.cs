using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;
using KaizalaBot.PartnerCenter.Simulator.Wire;

namespace KaizalaBot.PartnerCenter.Simulator.Endpoints;

/// <summary>The partner tenant's directory roles and members (SDK <c>partner.Roles</c>): who may sell and who administers.</summary>
internal static class RoleEndpoints
{
    private static readonly (string Id, string Name)[] Roles =
    [
        (SimulatorDemoDirectory.AdminAgentRoleId, "Admin Agent"),
        (SimulatorDemoDirectory.SalesAgentRoleId, "Sales Agent"),
        (SimulatorDemoDirectory.HelpdeskAgentRoleId, "Helpdesk Agent"),
    ];

    private static readonly (string RoleId, string Id, string Upn, string Name)[] Members =
    [
        (SimulatorDemoDirectory.AdminAgentRoleId, SimulatorDemoDirectory.AdminAgentObjectId, SimulatorDemoDirectory.AdminAgentUpn, SimulatorDemoDirectory.AdminAgentDisplayName),
        (SimulatorDemoDirectory.SalesAgentRoleId, SimulatorDemoDirectory.FrenchSellerObjectId, SimulatorDemoDirectory.FrenchSellerUpn, SimulatorDemoDirectory.FrenchSellerDisplayName),
        (SimulatorDemoDirectory.SalesAgentRoleId, SimulatorDemoDirectory.EnglishSellerObjectId, SimulatorDemoDirectory.EnglishSellerUpn, SimulatorDemoDirectory.EnglishSellerDisplayName),
        (SimulatorDemoDirectory.HelpdeskAgentRoleId, SimulatorDemoDirectory.HelpdeskAgentObjectId, SimulatorDemoDirectory.HelpdeskAgentUpn, SimulatorDemoDirectory.HelpdeskAgentDisplayName),
    ];

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/roles", List).WithMetadata(new SimEndpointMetadata("roles.list", false));
        v1.MapGet("/roles/{roleId}/usermembers", ListMembers).WithMetadata(new SimEndpointMetadata("roles.usermembers", false));
    }

    private static SimResponse List() =>
        SimResponse.Ok(WireJson.Collection(
            Roles.Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["id"] = r.Id, ["attributes"] = WireJson.Attributes("DirectoryRole") }),
            "/roles"));

    private static SimResponse ListMembers(string roleId)
    {
        if (!Roles.Any(r => string.Equals(r.Id, roleId, StringComparison.OrdinalIgnoreCase)))
        {
            throw PartnerCenterFaultException.NotFound(1000, $"Role {roleId} was not found.");
        }

        var members = Members.Where(m => string.Equals(m.RoleId, roleId, StringComparison.OrdinalIgnoreCase))
            .Select(m => (JsonNode)new JsonObject
            {
                ["userPrincipalName"] = m.Upn,
                ["displayName"] = m.Name,
                ["roleId"] = m.RoleId,
                ["id"] = m.Id,
                ["attributes"] = WireJson.Attributes("UserMember"),
            });
        return SimResponse.Ok(WireJson.Collection(members, $"/roles/{roleId}/usermembers"));
    }
}
