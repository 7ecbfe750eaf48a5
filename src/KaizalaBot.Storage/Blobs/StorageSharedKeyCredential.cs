using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace KaizalaBot.Storage.Blobs;

/// <summary>
/// Storage account name and key; signs Blob service requests with the SharedKey scheme
/// (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).
/// </summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] _accountKey;

    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        AccountName = accountName;
        _accountKey = Convert.FromBase64String(accountKey);
    }

    public string AccountName { get; }

    internal string ComputeSignature(string stringToSign)
    {
        var hash = HMACSHA256.HashData(_accountKey, Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToBase64String(hash);
    }

    /// <summary>The SharedKey string-to-sign of the 2009-09-19+ versions, for Blob, Queue and File services.</summary>
    internal string BuildStringToSign(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.RequestUri);
        var contentHeaders = request.Content?.Headers;
        var contentLength = contentHeaders?.ContentLength is > 0 and var length
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty; // The 2015-02-21+ rule: a zero Content-Length is signed as an empty line.

        var builder = new StringBuilder();
        builder.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        builder.Append(Header(contentHeaders, "Content-Encoding")).Append('\n');
        builder.Append(Header(contentHeaders, "Content-Language")).Append('\n');
        builder.Append(contentLength).Append('\n');
        builder.Append(Header(contentHeaders, "Content-MD5")).Append('\n');
        builder.Append(Header(contentHeaders, "Content-Type")).Append('\n');
        builder.Append('\n'); // Date: x-ms-date is always sent instead, and then Date is signed empty.
        builder.Append(Header(request.Headers, "If-Modified-Since")).Append('\n');
        builder.Append(Header(request.Headers, "If-Match")).Append('\n');
        builder.Append(Header(request.Headers, "If-None-Match")).Append('\n');
        builder.Append(Header(request.Headers, "If-Unmodified-Since")).Append('\n');
        builder.Append(Header(request.Headers, "Range")).Append('\n');

        foreach (var (name, value) in request.Headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(',', h.Value.Select(v => v.Trim()))))
            .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        AppendCanonicalizedResource(builder, request.RequestUri);
        return builder.ToString();
    }

    // "/{account}{encoded URI path}" then "\n{name}:{values}" per query parameter, names lower-cased and sorted.
    // With path-style URLs (Azurite, http://127.0.0.1:10000/devstoreaccount1/c/b) the URL path already holds the
    // account, so the resource is /devstoreaccount1/devstoreaccount1/c/b; signing /devstoreaccount1/c/b gives 403.
    private void AppendCanonicalizedResource(StringBuilder builder, Uri uri)
    {
        builder.Append('/').Append(AccountName);
        builder.Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");

        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return;
        }

        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: Uri.UnescapeDataString(name).ToLowerInvariant(), Value: Uri.UnescapeDataString(value));
            })
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in parameters)
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }
    }

    private static string Header(HttpHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values) ? string.Join(',', values) : string.Empty;
}
