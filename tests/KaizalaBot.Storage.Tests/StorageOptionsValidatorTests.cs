using Microsoft.Extensions.Options;

namespace KaizalaBot.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    private const string Key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_SucceedWithFileProvider()
    {
        var options = new StorageOptions();

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal(StorageProvider.File, options.Provider);
        Assert.Equal(Path.Combine(".kaizalabot", "storage"), options.File.RootPath);
        Assert.Equal("kaizalabot", options.AzureBlob.ContainerName);
    }

    [Fact]
    public void Validate_AzureBlobWithoutConnectionStringOrServiceUri_NamesBothKeys()
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureBlob };

        var result = _validator.Validate(null, options);

        AssertFailsNaming(result, "Storage:AzureBlob:ConnectionString", "Storage:AzureBlob:ServiceUri");
    }

    [Fact]
    public void Validate_AzureBlobWithBoth_Fails()
    {
        var options = AzureBlob(b =>
        {
            b.ConnectionString = "UseDevelopmentStorage=true";
            b.ServiceUri = new Uri("https://contoso.blob.core.windows.net");
        });

        var result = _validator.Validate(null, options);

        AssertFailsNaming(result, "exactly one of Storage:AzureBlob:ConnectionString or Storage:AzureBlob:ServiceUri");
    }

    [Fact]
    public void Validate_BadConnectionString_NamesKeyAndProblemWithoutTheSecret()
    {
        var options = AzureBlob(b => b.ConnectionString = $"AccountKey={Key}");

        var result = _validator.Validate(null, options);

        AssertFailsNaming(result, "Storage:AzureBlob:ConnectionString is not a valid Azure Storage connection string");
        Assert.DoesNotContain(Key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("under_score")]
    public void Validate_BadContainerName_NamesContainerNameKey(string containerName)
    {
        var options = AzureBlob(b =>
        {
            b.ConnectionString = "UseDevelopmentStorage=true";
            b.ContainerName = containerName;
        });

        var result = _validator.Validate(null, options);

        AssertFailsNaming(result, "Storage:AzureBlob:ContainerName");
    }

    [Fact]
    public void Validate_ManagedIdentityClientIdNotAGuid_NamesKey()
    {
        var options = AzureBlob(b =>
        {
            b.ServiceUri = new Uri("https://contoso.blob.core.windows.net");
            b.ManagedIdentityClientId = "my-identity";
        });

        var result = _validator.Validate(null, options);

        AssertFailsNaming(result, "Storage:AzureBlob:ManagedIdentityClientId");
    }

    [Fact]
    public void Validate_ServiceUriWithManagedIdentity_Succeeds()
    {
        var options = AzureBlob(b =>
        {
            b.ServiceUri = new Uri("https://contoso.blob.core.windows.net");
            b.ManagedIdentityClientId = "5b0a4b4e-4f5c-4a53-9a39-0d8d3c7e3c11";
        });

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_FileProviderWithEmptyRootPath_NamesRootPathKey()
    {
        var options = new StorageOptions { File = new FileStorageOptions { RootPath = " " } };

        var result = _validator.Validate(null, options);

        AssertFailsNaming(result, "Storage:File:RootPath");
    }

    [Fact]
    public void Validate_MemoryProvider_IgnoresOtherSections()
    {
        var options = new StorageOptions { Provider = StorageProvider.Memory, File = new FileStorageOptions { RootPath = string.Empty } };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded);
    }

    private static StorageOptions AzureBlob(Action<AzureBlobStorageOptions> configure)
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureBlob };
        configure(options.AzureBlob);
        return options;
    }

    private static void AssertFailsNaming(ValidateOptionsResult result, params string[] expected)
    {
        Assert.True(result.Failed);
        foreach (var part in expected)
        {
            Assert.Contains(part, result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
