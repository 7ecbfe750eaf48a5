using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter.Tests;

public sealed class PartnerCenterOptionsValidatorTests
{
    [Fact]
    public void Validate_EmptyOptions_NamesEveryMissingKey()
    {
        var validator = new PartnerCenterOptionsValidator();

        var result = validator.Validate(null, new PartnerCenterOptions { Endpoint = null });

        Assert.True(result.Failed);
        foreach (var key in new[] { "PartnerCenter:Endpoint", "PartnerCenter:PartnerTenantId", "PartnerCenter:ApplicationId", "PartnerCenter:ApplicationSecret", "PartnerCenter:RefreshToken" })
        {
            Assert.Contains(result.Failures!, failure => failure.StartsWith(key + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_BadRetrySettings_NamesNestedKeys()
    {
        var validator = new PartnerCenterOptionsValidator();
        var options = new PartnerCenterOptions
        {
            PartnerTenantId = "t", ApplicationId = "a", ApplicationSecret = "s", RefreshToken = "r",
            Retry = new PartnerCenterRetryOptions { MaxRetryAttempts = 11, BaseDelay = TimeSpan.Zero },
        };

        var result = validator.Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("PartnerCenter:Retry:MaxRetryAttempts", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("PartnerCenter:Retry:BaseDelay", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PollingTimeoutShorterThanInterval_NamesPollingKeys()
    {
        var validator = new PartnerCenterOptionsValidator();
        var options = new PartnerCenterOptions
        {
            PartnerTenantId = "t", ApplicationId = "a", ApplicationSecret = "s", RefreshToken = "r",
            Polling = new PartnerCenterPollingOptions { Interval = TimeSpan.FromMinutes(1), Timeout = TimeSpan.FromSeconds(10) },
        };

        var result = validator.Validate(null, options);

        Assert.Equal("PartnerCenter:Polling:Timeout must not be less than PartnerCenter:Polling:Interval.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_CompleteOptions_Succeeds()
    {
        var validator = new PartnerCenterOptionsValidator();
        var options = new PartnerCenterOptions { PartnerTenantId = "t", ApplicationId = "a", ApplicationSecret = "s", RefreshToken = "r" };

        var result = validator.Validate(null, options);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task AddPartnerCenterClient_MissingSecretAtStartUp_FailsNamingTheKey()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PartnerCenter:PartnerTenantId"] = "t",
            ["PartnerCenter:ApplicationId"] = "a",
            ["PartnerCenter:RefreshToken"] = "r",
        });
        builder.Services.AddPartnerCenterClient(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        Assert.Contains("PartnerCenter:ApplicationSecret is required.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultEndpointAndAuthority_AreMicrosoftCloudAndValid()
    {
        var options = new PartnerCenterOptions { PartnerTenantId = "t", ApplicationId = "a", ApplicationSecret = "s", RefreshToken = "r" };

        var result = new PartnerCenterOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal(new Uri("https://api.partnercenter.microsoft.com"), options.Endpoint);
        Assert.Equal(new Uri("https://login.microsoftonline.com"), options.Authority);
        Assert.Equal("en-US", options.Locale);
    }
}
