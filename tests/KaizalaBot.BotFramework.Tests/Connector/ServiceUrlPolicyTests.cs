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

        var decision = policy.Decide(serviceUrl);

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

        var decision = policy.Decide(serviceUrl);

        Assert.Equal(ServiceUrlDecision.Refuse, decision);
    }

    [Theory]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://127.0.0.1:56000/")]
    [InlineData("http://[::1]:56000/")]
    public void Decide_LoopbackWithDevelopmentFlag_SendsWithToken(string serviceUrl)
    {
        var policy = new ServiceUrlPolicy(BotConnectorOptions.DefaultAllowedServiceHosts, allowLoopback: true, hasCredentials: true);

        var decision = policy.Decide(serviceUrl);

        Assert.Equal(ServiceUrlDecision.SendWithToken, decision);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("http://localhost:56150/_connector", true)]
    [InlineData("http://evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    public void Decide_NoCredentialsInDevelopment_AllowsLoopbackAndTheAllowListOnlyWithoutToken(string serviceUrl, bool allowed)
    {
        var policy = new ServiceUrlPolicy(BotConnectorOptions.DefaultAllowedServiceHosts, allowLoopback: true, hasCredentials: false);

        var decision = policy.Decide(serviceUrl);

        Assert.Equal(allowed ? ServiceUrlDecision.SendWithoutToken : ServiceUrlDecision.Refuse, decision);
    }

    [Theory]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://127.0.0.1:3978/")]
    public void Decide_NoCredentialsOutsideDevelopment_RefusesLoopback(string serviceUrl)
    {
        var policy = new ServiceUrlPolicy(BotConnectorOptions.DefaultAllowedServiceHosts, allowLoopback: false, hasCredentials: false);

        Assert.Equal(ServiceUrlDecision.Refuse, policy.Decide(serviceUrl));
    }

    /// <summary>What an attacker would name as serviceUrl: refused with or without credentials, loopback allowed or not.</summary>
    public static TheoryData<string?, bool, bool> HostileServiceUrls()
    {
        string?[] urls =
        [
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "https://169.254.169.254/",
            "http://[fd00:ec2::254]/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "https://2852039166/",
            "https://0xa9.0xfe.0xa9.0xfe/",
            "http://[::ffff:169.254.169.254]/",
            "https://10.0.0.1/",
            "https://192.168.1.10/",
            "https://172.16.0.5/",
            "https://[fd12:3456::1]/",
            "https://intranet/",
            "https://evil.example/",
            "https://smba.trafficmanager.net.evil.example/",
            "file:///etc/passwd",
            "ftp://smba.trafficmanager.net/",
            "gopher://localhost:6379/_INFO",
            "javascript:alert(1)",
            "https://user:secret@smba.trafficmanager.net/emea/",
            "https://smba.trafficmanager.net@evil.example/",
            "http://user@localhost:3978/",
            "https://smba.trafficmanager.net/emea/?x=1",
            "https://smba.trafficmanager.net/emea/?",
            "https://smba.trafficmanager.net/emea/#fragment",
            "http://localhost:3978/?",
            "http://localhost:3978/#x",
            "https://smba.trafficmanager.net/emea/\n",
            "https://smba.trafficmanager.net/" + new string('a', ServiceUrlPolicy.MaxLength),
            "smba.trafficmanager.net/emea/",
            "/v3/conversations",
            "",
            null,
        ];
        var data = new TheoryData<string?, bool, bool>();
        foreach (var url in urls)
        {
            foreach (var (loopback, credentials) in new[] { (false, true), (true, true), (true, false), (false, false) })
            {
                data.Add(url, loopback, credentials);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileServiceUrls))]
    public void Decide_HostileServiceUrl_RefusesWithOrWithoutToken(string? serviceUrl, bool allowLoopback, bool hasCredentials)
    {
        var policy = new ServiceUrlPolicy(BotConnectorOptions.DefaultAllowedServiceHosts, allowLoopback, hasCredentials);

        Assert.Equal(ServiceUrlDecision.Refuse, policy.Decide(serviceUrl));
    }

    [Fact]
    public void Decide_ConfiguredListReplacesDefaults()
    {
        var policy = new ServiceUrlPolicy(["connector.contoso.example"], allowLoopback: false, hasCredentials: true);

        var custom = policy.Decide("https://connector.contoso.example/");
        var formerDefault = policy.Decide("https://smba.trafficmanager.net/emea/");

        Assert.Equal(ServiceUrlDecision.SendWithToken, custom);
        Assert.Equal(ServiceUrlDecision.Refuse, formerDefault);
    }
}
