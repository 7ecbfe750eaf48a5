using KaizalaBot.BotFramework.Authentication;

namespace KaizalaBot.TeamsApp;

/// <summary>
/// The deployment-specific values of the Teams app package, read from the bot's own configuration (so a partner's IT
/// packages exactly the bot it deployed) and refused when they are missing, malformed or still placeholders: a package
/// pointing at a bot that does not exist installs in Teams and then never answers.
/// </summary>
public sealed record TeamsAppSettings
{
    private const int MaxDeveloperNameLength = 32;   // the manifest schema's limit
    private const int MaxMpnIdLength = 10;

    // RFC 2606 reserves these for documentation; the committed manifest uses them as its placeholders.
    private static readonly string[] DocumentationDomains = ["example", "example.com", "example.net", "example.org"];

    public required Guid BotAppId { get; init; }

    public required string DeveloperName { get; init; }

    public required Uri WebsiteUrl { get; init; }

    public required Uri PrivacyUrl { get; init; }

    public required Uri TermsOfUseUrl { get; init; }

    public string? MpnId { get; init; }

    public required string BotDomain { get; init; }

    /// <exception cref="TeamsAppPackageException">Every problem found, one per line.</exception>
    public static TeamsAppSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var options = configuration.GetSection(TeamsAppOptions.Section).Get<TeamsAppOptions>() ?? new TeamsAppOptions();

        var appId = ReadAppId(configuration[nameof(MicrosoftAppOptions.MicrosoftAppId)], problems);
        var developerName = Required(options.DeveloperName, nameof(TeamsAppOptions.DeveloperName), "the CSP partner's name, shown as the app's publisher", problems);
        if (developerName.Length > MaxDeveloperNameLength)
        {
            problems.Add($"{Key(nameof(TeamsAppOptions.DeveloperName))} has {developerName.Length} characters; Teams allows at most {MaxDeveloperNameLength}.");
        }

        var website = HttpsUrl(options.WebsiteUrl, nameof(TeamsAppOptions.WebsiteUrl), "the partner's support or home page", problems);
        var privacy = HttpsUrl(options.PrivacyUrl, nameof(TeamsAppOptions.PrivacyUrl), "the partner's privacy statement", problems);
        var terms = HttpsUrl(options.TermsOfUseUrl, nameof(TeamsAppOptions.TermsOfUseUrl), "the partner's terms of use", problems);
        var mpnId = ReadMpnId(options.MpnId, problems);
        var botDomain = ReadBotDomain(options.BotDomain, problems);

        return problems.Count > 0
            ? throw new TeamsAppPackageException(string.Join(Environment.NewLine, problems))
            : new TeamsAppSettings
            {
                BotAppId = appId,
                DeveloperName = developerName,
                WebsiteUrl = website!,
                PrivacyUrl = privacy!,
                TermsOfUseUrl = terms!,
                MpnId = mpnId,
                BotDomain = botDomain,
            };
    }

    private static Guid ReadAppId(string? value, List<string> problems)
    {
        const string Key = nameof(MicrosoftAppOptions.MicrosoftAppId);
        const string Where = "set the Azure Bot's app id where the bot reads it (user-secrets, the MicrosoftAppId environment variable, appsettings.{Environment}.json or --MicrosoftAppId <id>)";
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{Key} is not set: {Where}.");
        }
        else if (IsSamplePlaceholder(value))
        {
            problems.Add($"{Key} still holds the placeholder of appsettings.sample.json: {Where}.");
        }
        else if (!Guid.TryParseExact(value, "D", out var appId))
        {
            // The value is not echoed: a secret pasted under the wrong key must not reach a terminal or a CI log.
            problems.Add($"{Key} is not a GUID of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx: {Where}.");
        }
        else if (appId == Guid.Empty)
        {
            problems.Add($"{Key} is the all-zero GUID, a placeholder: {Where}.");
        }
        else
        {
            return appId;
        }

        return Guid.Empty;
    }

    private static string Required(string? value, string name, string meaning, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{Key(name)} is not set: {meaning}.");
            return string.Empty;
        }

        if (IsSamplePlaceholder(value))
        {
            problems.Add($"{Key(name)} still holds the placeholder of appsettings.sample.json: {meaning}.");
            return string.Empty;
        }

        return value.Trim();
    }

    private static Uri? HttpsUrl(string? value, string name, string meaning, List<string> problems)
    {
        var text = Required(value, name, meaning, problems);
        if (text.Length == 0)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || text.Length > 2048)
        {
            problems.Add($"{Key(name)} must be an absolute https:// URL: {meaning}.");
            return null;
        }

        if (IsDocumentationHost(url.Host))
        {
            problems.Add($"{Key(name)} points at {url.Host}, a documentation placeholder: {meaning}.");
            return null;
        }

        return url;
    }

    private static string? ReadMpnId(string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > MaxMpnIdLength || !text.All(char.IsAsciiDigit))
        {
            problems.Add($"{Key(nameof(TeamsAppOptions.MpnId))} must be the partner's Partner ID (MPN ID): at most {MaxMpnIdLength} digits, or empty.");
            return null;
        }

        return text;
    }

    private static string ReadBotDomain(string? value, List<string> problems)
    {
        const string Meaning = "the host name the bot is deployed at, e.g. kaizalabot-contoso.azurewebsites.net (no https://, no path)";
        var text = Required(value, nameof(TeamsAppOptions.BotDomain), Meaning, problems).ToLowerInvariant();
        if (text.Length == 0)
        {
            return text;
        }

        if (Uri.CheckHostName(text) != UriHostNameType.Dns || !text.Contains('.', StringComparison.Ordinal))
        {
            problems.Add($"{Key(nameof(TeamsAppOptions.BotDomain))} must be {Meaning}.");
        }
        else if (IsDocumentationHost(text))
        {
            problems.Add($"{Key(nameof(TeamsAppOptions.BotDomain))} is {text}, a documentation placeholder: {Meaning}.");
        }

        return text;
    }

    private static string Key(string name) => $"{TeamsAppOptions.Section}:{name}";

    private static bool IsSamplePlaceholder(string value) => value.TrimStart().StartsWith("{{", StringComparison.Ordinal);

    private static bool IsDocumentationHost(string host) =>
        DocumentationDomains.Any(reserved =>
            host.Equals(reserved, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + reserved, StringComparison.OrdinalIgnoreCase));
}
