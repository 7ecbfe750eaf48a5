using System.ComponentModel.DataAnnotations;

namespace KaizalaBot.PartnerCenter.Simulator.Configuration;

/// <summary>
/// The Secure Application Model credentials the fake token endpoint accepts. The defaults are the published
/// demo values of <see cref="SimulatorDemoDirectory"/>: they protect nothing real and exist so a newcomer can run the
/// bot against the simulator without configuring anything.
/// </summary>
public sealed class SimulatorCredentialsOptions
{
    [Required(ErrorMessage = "PartnerCenterSimulator:Credentials:ClientId is required.")]
    public string ClientId { get; set; } = SimulatorDemoDirectory.DemoClientId;

    [Required(ErrorMessage = "PartnerCenterSimulator:Credentials:ClientSecret is required.")]
    public string ClientSecret { get; set; } = SimulatorDemoDirectory.DemoClientSecret;

    /// <summary>The refresh token obtained once by the (simulated) interactive MFA consent; always accepted.</summary>
    [Required(ErrorMessage = "PartnerCenterSimulator:Credentials:RefreshToken is required.")]
    public string RefreshToken { get; set; } = SimulatorDemoDirectory.DemoRefreshToken;
}
