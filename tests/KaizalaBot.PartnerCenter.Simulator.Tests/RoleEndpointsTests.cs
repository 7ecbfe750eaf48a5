using System.Net;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class RoleEndpointsTests
{
    [Fact]
    public async Task ListMembers_SalesAgentRole_ReturnsBothDemoSellers()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var roles = await host.GetJsonAsync("v1/roles", token);
        var sales = roles["items"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "Sales Agent")!;

        var members = await host.GetJsonAsync($"v1/roles/{sales["id"]}/usermembers", token);

        Assert.Equal(3, roles["totalCount"]!.GetValue<int>());
        Assert.Equal("DirectoryRole", sales["attributes"]!["objectType"]!.GetValue<string>());
        var upns = members["items"]!.AsArray().Select(m => m!["userPrincipalName"]!.GetValue<string>()).ToList();
        Assert.Equal([SimulatorDemoDirectory.FrenchSellerUpn, SimulatorDemoDirectory.EnglishSellerUpn], upns);
        Assert.All(members["items"]!.AsArray(), m => Assert.Equal("UserMember", m!["attributes"]!["objectType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListMembers_AdminAgentRole_ReturnsTheTokenUser()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        var members = await host.GetJsonAsync($"v1/roles/{SimulatorDemoDirectory.AdminAgentRoleId}/usermembers", token);

        Assert.Equal(SimulatorDemoDirectory.AdminAgentObjectId, members["items"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListMembers_UnknownRole_Returns404()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/roles/{Guid.NewGuid()}/usermembers", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
