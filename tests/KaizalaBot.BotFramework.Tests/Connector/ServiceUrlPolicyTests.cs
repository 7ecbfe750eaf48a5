using KaizalaBot.BotFramework.Connector;

namespace KaizalaBot.BotFramework.Tests.Connector;

public sealed class ServiceUrlPolicyTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://SMBA.trafficmanager.NET/teams/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch")]
    [InlineData("https://canary.teams.microsoft.com/")]
    [InlineData("https://smba.trafficmanager.net./emea/")]
    public void Decide_DefaultAllowedHostOverHttps_SendsWithToken(string serviceUrl)
    {
        var policy = new ServiceUrlPolicy(BotConnectorOptions.DefaultAllowedServiceHosts, allowLoopback: false, hasCredentials: true);

        var decision = policy.Decide(new Uri(serviceUrl));

        Assert.Equal(ServiceUrlDecision.SendWithToken, decision);
    }

    [Theory]
    [InlineData("https://botframework.com/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://teams.microsoft.com.evil.example/")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://user@evil.example/")]
    [InlineData("https://smba.trafficmanager.net@evil.example/")]
    [InlineData("https://localhost:3978/")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("http://[::1]:3978/")]
    public void Decide_OtherHostWithCredentials_Refuses(string serviceUrl)
    {
        var policy = new ServiceUrlPolicy(BotConnectorOptions.DefaultAllowedServiceHosts, allowLoopback: false, hasCredentials: true);

        var decision = policy.Decide(new Uri(serviceUrl));

        Assert.Equal(ServiceUrlDecision.Refuse, decision);
    }

    [Theory]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://127.0.0.1:56000/")]
    [InlineData("http://[::1]:56000/")]
    public void Decide_LoopbackWithDevelopmentFlag_SendsWithToken(string serviceUrl)
    {
        var policy = new ServiceUrlPolicy(BotConnectorOptions.DefaultAllowedServiceHosts, allowLoopback: true, hasCredentials: true);

        var decision = policy.Decide(new Uri(serviceUrl));

        Assert.Equal(ServiceUrlDecision.SendWithToken, decision);
    }

    [Theory]
    [InlineData("http://evil.example/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://localhost:3978/")]
    public void Decide_NoCredentials_SendsWithoutToken(string serviceUrl)
    {
        var policy = new ServiceUrlPolicy(BotConnectorOptions.DefaultAllowedServiceHosts, allowLoopback: false, hasCredentials: false);

        var decision = policy.Decide(new Uri(serviceUrl));

        Assert.Equal(ServiceUrlDecision.SendWithoutToken, decision);
    }

    [Fact]
    public void Decide_ConfiguredListReplacesDefaults()
    {
        var policy = new ServiceUrlPolicy(["connector.contoso.example"], allowLoopback: false, hasCredentials: true);

        var custom = policy.Decide(new Uri("https://connector.contoso.example/"));
        var formerDefault = policy.Decide(new Uri("https://smba.trafficmanager.net/emea/"));

        Assert.Equal(ServiceUrlDecision.SendWithToken, custom);
        Assert.Equal(ServiceUrlDecision.Refuse, formerDefault);
    }
}
