namespace KaizalaBot.Storage.Blobs;

/// <summary>
/// The parts of an Azure Storage connection string the Blob client needs. Accepted forms:
/// <c>UseDevelopmentStorage=true[;DevelopmentStorageProxyUri=…]</c>,
/// <c>DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…[;EndpointSuffix=…]</c> and
/// <c>BlobEndpoint=…;AccountName=…;AccountKey=…</c>.
/// </summary>
/// <remarks>Error messages never repeat the connection string: it holds the account key.</remarks>
public sealed class BlobConnectionString
{
    // The documented Azurite / storage emulator account (public, not a secret):
    // https://learn.microsoft.com/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key
    internal const string DevelopmentAccountName = "devstoreaccount1";
    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string[] KnownNames =
    [
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName", "AccountKey",
        "EndpointSuffix", "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint", "SharedAccessSignature",
    ];

    private BlobConnectionString(Uri blobEndpoint, StorageSharedKeyCredential credential)
    {
        BlobEndpoint = blobEndpoint;
        Credential = credential;
    }

    /// <summary>The Blob service URL: account-style (<c>https://acct.blob.core.windows.net</c>) or path-style (Azurite).</summary>
    public Uri BlobEndpoint { get; }

    public StorageSharedKeyCredential Credential { get; }

    public static BlobConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty.");
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("The storage connection string has a segment that is not 'Name=Value'.");
            }

            var name = part[..equals].Trim();
            if (!KnownNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException($"The storage connection string has an unknown setting '{name}'.");
            }

            if (!settings.TryAdd(name, part[(equals + 1)..].Trim()))
            {
                throw new FormatException($"The storage connection string sets '{name}' more than once.");
            }
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            return ParseDevelopment(development, settings);
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("SharedAccessSignature connection strings are not supported; use an account key or a managed identity (ServiceUri).");
        }

        var accountName = Required(settings, "AccountName");
        var accountKey = Required(settings, "AccountKey");
        StorageSharedKeyCredential credential;
        try
        {
            credential = new StorageSharedKeyCredential(accountName, accountKey);
        }
        catch (FormatException ex)
        {
            throw new FormatException("The storage connection string's AccountKey is not valid Base64.", ex);
        }

        Uri endpoint;
        if (settings.TryGetValue("BlobEndpoint", out var blobEndpoint))
        {
            endpoint = ParseHttpUri(blobEndpoint, "BlobEndpoint");
        }
        else
        {
            var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
            if (protocol is not ("http" or "https"))
            {
                throw new FormatException($"The storage connection string's DefaultEndpointsProtocol must be 'http' or 'https', not '{protocol}'.");
            }

            var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
            endpoint = ParseHttpUri($"{protocol}://{accountName}.blob.{suffix}", "AccountName/EndpointSuffix");
        }

        return new BlobConnectionString(endpoint, credential);
    }

    private static BlobConnectionString ParseDevelopment(string value, Dictionary<string, string> settings)
    {
        if (!string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("The storage connection string's UseDevelopmentStorage must be 'true' when present.");
        }

        if (settings.Keys.Any(k => !k.Equals("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase)
            && !k.Equals("DevelopmentStorageProxyUri", StringComparison.OrdinalIgnoreCase)))
        {
            throw new FormatException("With UseDevelopmentStorage=true the storage connection string may only add DevelopmentStorageProxyUri.");
        }

        var host = settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy)
            ? ParseHttpUri(proxy, "DevelopmentStorageProxyUri")
            : new Uri("http://127.0.0.1");
        var endpoint = new UriBuilder(host.Scheme, host.Host, 10000, DevelopmentAccountName).Uri;
        return new BlobConnectionString(endpoint, new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey));
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {name} (needed unless UseDevelopmentStorage=true).");

    private static Uri ParseHttpUri(string value, string name) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"The storage connection string's {name} is not an absolute http(s) URL.");
}
