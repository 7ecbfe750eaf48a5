using System.Text.RegularExpressions;
using KaizalaBot.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Storage;

/// <summary>Start-up validation of <see cref="StorageOptions"/>; every message names the configuration key to fix.</summary>
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Blob = "Storage:AzureBlob:";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        switch (options.Provider)
        {
            case StorageProvider.Memory:
                break;
            case StorageProvider.File:
                ValidateFile(options.File, failures);
                break;
            case StorageProvider.AzureBlob:
                ValidateAzureBlob(options.AzureBlob, failures);
                break;
            default:
                failures.Add($"Storage:Provider '{options.Provider}' is not one of File, Memory, AzureBlob.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateFile(FileStorageOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.RootPath))
        {
            failures.Add("Storage:File:RootPath must not be empty when Storage:Provider is File.");
        }
        else if (options.RootPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add("Storage:File:RootPath contains characters that are not valid in a path.");
        }
    }

    private static void ValidateAzureBlob(AzureBlobStorageOptions options, List<string> failures)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString == (options.ServiceUri is not null))
        {
            failures.Add($"Set exactly one of {Blob}ConnectionString or {Blob}ServiceUri when Storage:Provider is AzureBlob.");
        }

        if (hasConnectionString)
        {
            if (!BlobClientFactory.IsValidConnectionString(options.ConnectionString!))
            {
                // Never the SDK's message: this one goes to the start-up log, and a connection string holds the account key.
                failures.Add($"{Blob}ConnectionString is not a valid Azure Storage connection string (expected "
                    + "'UseDevelopmentStorage=true', 'DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...' or 'BlobEndpoint=...;AccountName=...;AccountKey=...').");
            }

            if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
            {
                failures.Add($"{Blob}ManagedIdentityClientId is only used with {Blob}ServiceUri, not with a connection string.");
            }
        }

        if (options.ServiceUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme is not ("https" or "http")))
        {
            failures.Add($"{Blob}ServiceUri must be an absolute https URL such as https://account.blob.core.windows.net.");
        }

        if (options.ManagedIdentityClientId is { Length: > 0 } clientId && !Guid.TryParse(clientId, out _))
        {
            failures.Add($"{Blob}ManagedIdentityClientId must be a client id (a GUID).");
        }

        if (options.ContainerName is null || !ContainerNamePattern().IsMatch(options.ContainerName))
        {
            failures.Add($"{Blob}ContainerName must be 3-63 characters of lower-case letters, digits and single hyphens, starting and ending with a letter or digit.");
        }
    }

    // https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata
    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerNamePattern();
}
