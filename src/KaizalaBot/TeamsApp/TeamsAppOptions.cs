namespace KaizalaBot.TeamsApp;

/// <summary>
/// What the Teams app package says about the CSP partner that deploys the bot (<c>TeamsApp</c> section). Only the
/// <c>package-teams-app</c> command reads it; the bot itself runs without it.
/// </summary>
public sealed class TeamsAppOptions
{
    public const string Section = "TeamsApp";

    /// <summary>The partner's name as Teams shows the app's publisher (at most 32 characters).</summary>
    public string? DeveloperName { get; init; }

    public string? WebsiteUrl { get; init; }

    public string? PrivacyUrl { get; init; }

    public string? TermsOfUseUrl { get; init; }

    /// <summary>The partner's Partner ID (formerly MPN ID), digits only; optional.</summary>
    public string? MpnId { get; init; }

    /// <summary>Host name the bot is deployed at (e.g. <c>kaizalabot-contoso.azurewebsites.net</c>): the manifest's valid domain.</summary>
    public string? BotDomain { get; init; }
}
