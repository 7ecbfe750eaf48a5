using System.Net;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class CustomerEndpointsTests
{
    [Fact]
    public async Task List_FollowingNextLinksWithContinuationHeader_VisitsEveryCustomerOnce()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var seen = new List<string>();
        var pages = 0;
        string? next = "v1/customers?size=15";
        string? continuation = null;

        while (next is not null)
        {
            var headers = continuation is null ? null : new Dictionary<string, string> { ["MS-ContinuationToken"] = continuation };
            using var response = await host.SendAsync(HttpMethod.Get, next, token, headers: headers);
            var page = await SimulatorHost.ReadJsonAsync(response);
            pages++;
            var items = page["items"]!.AsArray();
            Assert.Equal(items.Count, page["totalCount"]!.GetValue<int>());
            Assert.Equal("Collection", page["attributes"]!["objectType"]!.GetValue<string>());
            seen.AddRange(items.Select(i => i!["id"]!.GetValue<string>()));
            var nextLink = page["links"]!["next"];
            next = nextLink is null ? null : "v1" + nextLink["uri"]!.GetValue<string>();
            continuation = nextLink?["headers"]![0]!["value"]!.GetValue<string>();
            if (nextLink is not null)
            {
                Assert.Equal("MS-ContinuationToken", nextLink["headers"]![0]!["key"]!.GetValue<string>());
                Assert.Equal(continuation, page["continuationToken"]!.GetValue<string>());
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(40, seen.Count);
        Assert.Equal(40, seen.Distinct().Count());
    }

    [Fact]
    public async Task List_ItemShape_MatchesDocumentedCustomer()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        var page = await host.GetJsonAsync("v1/customers?size=1", token);

        var customer = page["items"]![0]!.AsObject();
        var id = customer["id"]!.GetValue<string>();
        Assert.Equal("Customer", customer["attributes"]!["objectType"]!.GetValue<string>());
        Assert.Equal("reseller", customer["relationshipToPartner"]!.GetValue<string>());
        Assert.Equal(id, customer["companyProfile"]!["tenantId"]!.GetValue<string>());
        Assert.EndsWith(".onmicrosoft.com", customer["companyProfile"]!["domain"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("CustomerCompanyProfile", customer["companyProfile"]!["attributes"]!["objectType"]!.GetValue<string>());
        Assert.Equal($"/customers/{id}", customer["links"]!["self"]!["uri"]!.GetValue<string>());
        Assert.Null(customer["billingProfile"]);
        Assert.Null(customer["allowDelegatedAccess"]);
    }

    [Fact]
    public async Task List_StartsWithFilterOnCompanyName_ReturnsMatchesCaseInsensitively()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var filter = Uri.EscapeDataString("{\"Field\":\"CompanyName\",\"Value\":\"fabri\",\"Operator\":\"starts_with\"}");

        var page = await host.GetJsonAsync($"v1/customers?size=0&filter={filter}", token);

        var names = page["items"]!.AsArray().Select(i => i!["companyProfile"]!["companyName"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.StartsWith("Fabrikam", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_UnsupportedFilterOperator_Returns400WithApiFault()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var filter = Uri.EscapeDataString("{\"Field\":\"CompanyName\",\"Value\":\"a\",\"Operator\":\"substring\"}");

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/customers?filter={filter}", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fault = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal(800002, fault["code"]!.GetValue<int>());
        Assert.Equal("PartnerFD", fault["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_KnownCustomer_ReturnsDetailWithBillingProfileAndEchoesRequestIds()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var id = (await host.GetJsonAsync("v1/customers?size=1", token))["items"]![0]!["id"]!.GetValue<string>();
        var headers = new Dictionary<string, string> { ["MS-RequestId"] = "0f8fad5b-d9cb-469f-a165-70867728950e", ["MS-CorrelationId"] = "7c9e6679-7425-40de-944b-e07fc1f90ae7" };

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/customers/{id}", token, headers: headers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", response.Headers.GetValues("MS-RequestId").Single());
        Assert.Equal("7c9e6679-7425-40de-944b-e07fc1f90ae7", response.Headers.GetValues("MS-CorrelationId").Single());
        var customer = await SimulatorHost.ReadJsonAsync(response);
        Assert.True(customer["allowDelegatedAccess"]!.GetValue<bool>());
        Assert.Equal("CustomerBillingProfile", customer["billingProfile"]!["attributes"]!["objectType"]!.GetValue<string>());
        Assert.NotNull(customer["companyProfile"]!["address"]!["country"]);
    }

    [Fact]
    public async Task Get_UnknownCustomer_Returns404WithApiFault()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/customers/{Guid.NewGuid()}", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1000, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_NextWithoutContinuationToken_Returns400()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "v1/customers?size=10&seekOperation=Next", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(800002, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_WithoutToken_Returns401WithPartnerTokenMissingFault()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "v1/customers", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.Equal(800001, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_ExpiredToken_Returns401AccessDenied()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        host.Time.Advance(TimeSpan.FromMinutes(61));

        using var response = await host.SendAsync(HttpMethod.Get, "v1/customers", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(400, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_TamperedToken_Returns401()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var parts = token.Split('.');
        var tampered = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);

        using var response = await host.SendAsync(HttpMethod.Get, "v1/customers", tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task List_PreviousLinkOfSecondPage_ReturnsTheFirstPage()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var first = await host.GetJsonAsync("v1/customers?size=10", token);
        var next = first["links"]!["next"]!;
        using var secondResponse = await host.SendAsync(HttpMethod.Get, "v1" + next["uri"]!.GetValue<string>(), token,
            headers: new Dictionary<string, string> { ["MS-ContinuationToken"] = next["headers"]![0]!["value"]!.GetValue<string>() });
        var second = await SimulatorHost.ReadJsonAsync(secondResponse);
        var previous = second["links"]!["previous"]!;

        using var backResponse = await host.SendAsync(HttpMethod.Get, "v1" + previous["uri"]!.GetValue<string>(), token,
            headers: new Dictionary<string, string> { ["MS-ContinuationToken"] = previous["headers"]![0]!["value"]!.GetValue<string>() });

        var back = await SimulatorHost.ReadJsonAsync(backResponse);
        Assert.Equal(first["items"]!.ToJsonString(), back["items"]!.ToJsonString());
        Assert.NotEqual(first["items"]![0]!["id"]!.GetValue<string>(), second["items"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_StartsWithFilterOnDomain_ReturnsTheMatchingCustomer()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var filter = Uri.EscapeDataString("{\"Field\":\"Domain\",\"Value\":\"NORTHWIND\",\"Operator\":\"starts_with\"}");

        var page = await host.GetJsonAsync($"v1/customers?filter={filter}", token);

        var domains = page["items"]!.AsArray().Select(i => i!["companyProfile"]!["domain"]!.GetValue<string>()).ToList();
        Assert.Contains("northwindtraders.onmicrosoft.com", domains);
        Assert.All(domains, d => Assert.StartsWith("northwind", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_LargePartner_PagesThroughTenThousandCustomersWithoutBuildingTenants()
    {
        await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["PartnerCenterSimulator:CustomerCount"] = "10000",
            ["PartnerCenterSimulator:KaizalaCustomerCount"] = "6000",
            ["PartnerCenterSimulator:RequestsPerMinute"] = "0",
        });
        var token = await host.GetAppTokenAsync();
        var count = 0;
        string? next = "v1/customers?size=1000";
        string? continuation = null;

        while (next is not null)
        {
            var headers = continuation is null ? null : new Dictionary<string, string> { ["MS-ContinuationToken"] = continuation };
            using var response = await host.SendAsync(HttpMethod.Get, next, token, headers: headers);
            var page = await SimulatorHost.ReadJsonAsync(response);
            count += page["items"]!.AsArray().Count;
            next = page["links"]!["next"] is { } link ? "v1" + link["uri"]!.GetValue<string>() : null;
            continuation = page["links"]!["next"]?["headers"]![0]!["value"]!.GetValue<string>();
        }

        Assert.Equal(10_000, count);
        using var state = await host.Client.GetAsync("_simulator/state");
        Assert.Empty((await SimulatorHost.ReadJsonAsync(state))["tenants"]!.AsArray());
    }
}
