using System.Text.Json.Nodes;
using KaizalaBot.TeamsApp;
using KaizalaBot.Testing;
using Microsoft.Extensions.Configuration;

namespace KaizalaBot.Tests.TeamsApp;

/// <summary>The package's deployment values come from configuration and are refused while missing, malformed or placeholders.</summary>
public sealed class TeamsAppSettingsTests
{
    public const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    public static Dictionary<string, string?> Complete() => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["TeamsApp:DeveloperName"] = "Contoso Cloud Partners",
        ["TeamsApp:WebsiteUrl"] = "https://www.contoso.com/",
        ["TeamsApp:PrivacyUrl"] = "https://www.contoso.com/privacy",
        ["TeamsApp:TermsOfUseUrl"] = "https://www.contoso.com/terms",
        ["TeamsApp:MpnId"] = "1234567",
        ["TeamsApp:BotDomain"] = "kaizalabot-contoso.azurewebsites.net",
    };

    public static TheoryData<string?, string> RefusedAppIds() => new()
    {
        { null, "is not set" },
        { "", "is not set" },
        { "   ", "is not set" },
        { SampleValue("MicrosoftAppId"), "placeholder of appsettings.sample.json" },
        { "kaizalabot", "is not a GUID" },
        { "3f2504e04f8941d39a0c0305e82c3301", "is not a GUID" },
        { "{3f2504e0-4f89-41d3-9a0c-0305e82c3301}", "is not a GUID" },
        { "3f2504e0-4f89-41d3-9a0c-0305e82c330", "is not a GUID" },
        { "00000000-0000-0000-0000-000000000000", "all-zero GUID" },
    };

    public static TheoryData<string, string?, string> RefusedPublisherValues() => new()
    {
        { "DeveloperName", null, "TeamsApp:DeveloperName is not set" },
        { "DeveloperName", new string('C', 33), "at most 32" },
        { "WebsiteUrl", "http://www.contoso.com/", "TeamsApp:WebsiteUrl must be an absolute https:// URL" },
        { "PrivacyUrl", "/privacy", "TeamsApp:PrivacyUrl must be an absolute https:// URL" },
        { "TermsOfUseUrl", "https://www.example.com/terms", "documentation placeholder" },
        { "MpnId", "12ab", "TeamsApp:MpnId must be" },
        { "MpnId", "12345678901", "TeamsApp:MpnId must be" },
        { "BotDomain", "https://kaizalabot-contoso.azurewebsites.net/api/messages", "TeamsApp:BotDomain must be" },
        { "BotDomain", "localhost", "TeamsApp:BotDomain must be" },
        { "BotDomain", "kaizalabot.example.com", "documentation placeholder" },
    };

    [Fact]
    public void Read_CompleteConfiguration_ReturnsNormalisedSettings()
    {
        var values = Complete();
        values["MicrosoftAppId"] = AppId.ToUpperInvariant();
        values["TeamsApp:BotDomain"] = "KaizalaBot-Contoso.azurewebsites.net";

        var settings = TeamsAppSettings.Read(Configuration(values));

        Assert.Equal(Guid.Parse(AppId), settings.BotAppId);
        Assert.Equal("Contoso Cloud Partners", settings.DeveloperName);
        Assert.Equal(new Uri("https://www.contoso.com/privacy"), settings.PrivacyUrl);
        Assert.Equal("1234567", settings.MpnId);
        Assert.Equal("kaizalabot-contoso.azurewebsites.net", settings.BotDomain);
    }

    [Fact]
    public void Read_NoMpnId_IsAccepted()
    {
        var values = Complete();
        values.Remove("TeamsApp:MpnId");

        Assert.Null(TeamsAppSettings.Read(Configuration(values)).MpnId);
    }

    [Theory]
    [MemberData(nameof(RefusedAppIds))]
    public void Read_PlaceholderOrMalformedAppId_IsRefused(string? appId, string reason)
    {
        var values = Complete();
        values["MicrosoftAppId"] = appId;

        var refusal = Assert.Throws<TeamsAppPackageException>(() => TeamsAppSettings.Read(Configuration(values)));

        Assert.StartsWith("MicrosoftAppId ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedAppId_IsNotEchoed()
    {
        // A client secret pasted under the wrong key must not be printed to a terminal or a CI log.
        var values = Complete();
        values["MicrosoftAppId"] = "Xy7~secret.value_Q";

        var refusal = Assert.Throws<TeamsAppPackageException>(() => TeamsAppSettings.Read(Configuration(values)));

        Assert.DoesNotContain("Xy7~secret.value_Q", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RefusedPublisherValues))]
    public void Read_MissingOrMalformedPublisherValue_IsRefused(string key, string? value, string reason)
    {
        var values = Complete();
        values[$"TeamsApp:{key}"] = value;

        var refusal = Assert.Throws<TeamsAppPackageException>(() => TeamsAppSettings.Read(Configuration(values)));

        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SampleSettingsCopiedVerbatim_RefusesEveryPlaceholder()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.sample.json")))!;
        var values = new Dictionary<string, string?> { ["MicrosoftAppId"] = (string?)sample["MicrosoftAppId"] };
        foreach (var (key, value) in sample["TeamsApp"]!.AsObject())
        {
            values[$"TeamsApp:{key}"] = (string?)value;
        }

        var refusal = Assert.Throws<TeamsAppPackageException>(() => TeamsAppSettings.Read(Configuration(values)));

        var lines = refusal.Message.Split(Environment.NewLine);
        Assert.All(new[] { "MicrosoftAppId", "DeveloperName", "WebsiteUrl", "PrivacyUrl", "TermsOfUseUrl", "BotDomain" }, key =>
            Assert.Contains(lines, line => line.Contains(key, StringComparison.Ordinal)));
    }

    public static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string?>> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static string SampleValue(string key) =>
        (string)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.sample.json")))![key]!;
}
