using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.Hosting;
using KaizalaBot.Migration;
using KaizalaBot.MigrationHost;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Simulator.Configuration;
using KaizalaBot.Playground;
using KaizalaBot.Storage;
using KaizalaBot.TeamsApp;
using KaizalaBot.Testing;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Hosting;

/// <summary>
/// <c>appsettings.sample.json</c> documents every key the options classes bind, no key that none binds, and the
/// README's configuration table mentions every section — so the documentation cannot drift from the code.
/// </summary>
public sealed class SampleSettingsTests
{
    private static readonly (string Section, Type Options)[] BoundOptions =
    [
        ("", typeof(MicrosoftAppOptions)),
        ("BotFramework", typeof(ChannelAuthenticationOptions)),
        ("BotFramework", typeof(BotConnectorOptions)),
        ("BotAdapter", typeof(BotAdapterOptions)),
        ("Storage", typeof(StorageOptions)),
        ("PartnerCenter", typeof(PartnerCenterOptions)),
        ("Migration", typeof(MigrationOptions)),
        ("Conversation", typeof(ConversationOptions)),
        ("Expiry", typeof(ExpiryOptions)),
        ("Reminders", typeof(ReminderOptions)),
        ("PartnerCenterSimulator", typeof(PartnerCenterSimulatorOptions)),
        ("Playground", typeof(PlaygroundOptions)),
        ("TeamsApp", typeof(TeamsAppOptions)),
        ("OpenTelemetry", typeof(OpenTelemetryOptions)),
        ("AzureMonitor", typeof(AzureMonitorOptions)),   // bound by the Azure Monitor distro itself
    ];

    // Bindable, but the host overwrites it from the environment (loopback connectors only in Development), so
    // documenting it as a setting would mislead.
    private static readonly string[] HostControlledKeys = ["BotFramework:AllowLoopbackServiceUrls"];

    private static readonly JsonObject Sample =
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.sample.json")))!.AsObject();

    [Fact]
    public void Sample_DocumentsEveryBoundKey()
    {
        var documented = SampleKeys(Sample, string.Empty).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = BoundKeys().Where(key => !documented.Contains(key)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Sample_HasNoKeyThatNothingBinds()
    {
        var bound = BoundKeys().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unknown = SampleKeys(Sample, string.Empty)
            .Where(key => !bound.Contains(key) && !key.StartsWith("Logging:", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Readme_ConfigurationTableNamesEveryTopLevelKeyAndSection()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        var absent = BoundOptions.Select(o => o.Section).Where(s => s.Length > 0).Distinct()
            .Concat(BoundKeys().Where(k => !k.Contains(':', StringComparison.Ordinal)))
            .Where(name => !readme.Contains($"`{name}", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(absent);
    }

    [Fact]
    public void Sample_HoldsNoSecretLookingValue()
    {
        var secrets = SampleValues(Sample, string.Empty)
            .Where(pair => pair.Key.EndsWith("Password", StringComparison.Ordinal) || pair.Key.EndsWith("Secret", StringComparison.Ordinal)
                || pair.Key.EndsWith("RefreshToken", StringComparison.Ordinal) || pair.Key.EndsWith("ConnectionString", StringComparison.Ordinal))
            .Where(pair => !pair.Key.StartsWith("PartnerCenterSimulator:", StringComparison.Ordinal))
            .Where(pair => !pair.Value.StartsWith("{{", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(secrets);
    }

    private static IEnumerable<string> BoundKeys() =>
        BoundOptions.SelectMany(o => KeysOf(o.Options, o.Section))
            .Except(HostControlledKeys, StringComparer.OrdinalIgnoreCase)
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> KeysOf(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var bindable = property.SetMethod?.IsPublic == true || typeof(IEnumerable).IsAssignableFrom(propertyType);
            if (!bindable)
            {
                continue;
            }

            if (IsLeaf(propertyType) || typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                yield return key;
            }
            else
            {
                foreach (var nested in KeysOf(propertyType, key))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(decimal);

    private static IEnumerable<string> SampleKeys(JsonObject obj, string prefix)
    {
        foreach (var (name, value) in obj)
        {
            if (name == "//")
            {
                continue;
            }

            var key = prefix.Length == 0 ? name : $"{prefix}:{name}";
            if (value is JsonObject nested)
            {
                foreach (var inner in SampleKeys(nested, key))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> SampleValues(JsonObject obj, string prefix)
    {
        foreach (var (name, value) in obj)
        {
            var key = prefix.Length == 0 ? name : $"{prefix}:{name}";
            if (value is JsonObject nested)
            {
                foreach (var inner in SampleValues(nested, key))
                {
                    yield return inner;
                }
            }
            else if (value is JsonValue v && v.TryGetValue<string>(out var text))
            {
                yield return new(key, text);
            }
        }
    }
}
