namespace KaizalaBot.PartnerCenter.Simulator;

/// <summary>
/// Fixed identities of the demo partner, so the bot's own tests and demos can refer to the same people the
/// simulator knows. All ids are invented for the simulator; none exists in a real tenant.
/// </summary>
public static class SimulatorDemoDirectory
{
    public const string PartnerTenantId = "5eed0000-c5b0-4a11-9d3e-000000000001";
    public const string PartnerDomain = "contosocsp.onmicrosoft.com";
    public const string PartnerName = "Contoso CSP (simulated)";

    public const string DemoClientId = "5eed0000-a99a-4b0b-8f1e-00000000c11e";
    public const string DemoClientSecret = "sim-demo-client-secret-not-a-real-secret";
    public const string DemoRefreshToken = "sim-demo-refresh-token-from-mfa-consent";

    /// <summary>The partner user the app+user tokens are issued for (an Admin agent, as the Secure Application Model requires).</summary>
    public const string AdminAgentObjectId = "5eed0000-0000-4000-8000-00000000ad01";
    public const string AdminAgentUpn = "pc-automation@contosocsp.onmicrosoft.com";
    public const string AdminAgentDisplayName = "Partner Center Automation";

    public const string FrenchSellerObjectId = "5eed0000-0000-4000-8000-0000000fa001";
    public const string FrenchSellerUpn = "camille.martin@contosocsp.onmicrosoft.com";
    public const string FrenchSellerDisplayName = "Camille Martin";

    public const string EnglishSellerObjectId = "5eed0000-0000-4000-8000-0000000e0001";
    public const string EnglishSellerUpn = "oliver.bennett@contosocsp.onmicrosoft.com";
    public const string EnglishSellerDisplayName = "Oliver Bennett";

    public const string HelpdeskAgentObjectId = "5eed0000-0000-4000-8000-00000000de01";
    public const string HelpdeskAgentUpn = "priya.natarajan@contosocsp.onmicrosoft.com";
    public const string HelpdeskAgentDisplayName = "Priya Natarajan";

    public const string AdminAgentRoleId = "5eed0000-0000-4000-8000-0000000a0001";
    public const string SalesAgentRoleId = "5eed0000-0000-4000-8000-0000000a0002";
    public const string HelpdeskAgentRoleId = "5eed0000-0000-4000-8000-0000000a0003";
}
