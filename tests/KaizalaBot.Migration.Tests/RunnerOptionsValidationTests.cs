using KaizalaBot.Migration.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Tests;

/// <summary>The runner's failure back-off is checked at start-up like its other durations.</summary>
public sealed class RunnerOptionsValidationTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    public void Options_NonPositiveMaxFailureBackoff_IsRefused(string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Runner(value));

        Assert.Contains("Migration:Runner intervals must be positive.", ex.Failures);
    }

    [Fact]
    public void Options_MaxFailureBackoff_DefaultsTo15MinutesAndBinds()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), Runner(null).MaxFailureBackoff);
        Assert.Equal(TimeSpan.FromMinutes(2), Runner("00:02:00").MaxFailureBackoff);
    }

    private static MigrationRunnerOptions Runner(string? maxFailureBackoff)
    {
        var settings = new Dictionary<string, string?>();
        if (maxFailureBackoff is not null)
        {
            settings["Migration:Runner:MaxFailureBackoff"] = maxFailureBackoff;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddKaizalaMigration(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<MigrationOptions>>().Value.Runner;
    }
}
