using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;

namespace KaizalaBot.Storage.Blobs;

/// <summary>The container-level and blob-level Blob REST operations KaizalaBot needs.</summary>
public sealed class BlobContainerClient
{
    private readonly BlobServiceClient _service;
    private readonly string _url;

    internal BlobContainerClient(BlobServiceClient service, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _service = service;
        Name = name;
        _url = $"{service.BaseUrl}/{Uri.EscapeDataString(name)}";
        Uri = new Uri(_url);
    }

    public string Name { get; }

    public Uri Uri { get; }

    /// <summary>Creates the container; returns <c>false</c> when it already exists (409 ContainerAlreadyExists).</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        using var response = await _service.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, $"{_url}?restype=container"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict && ErrorCode(response) == BlobErrorCodes.ContainerAlreadyExists)
        {
            return false;
        }

        await BlobServiceClient.ThrowIfFailedAsync(response, cancellationToken);
        return true;
    }

    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        using var response = await _service.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Delete, $"{_url}?restype=container"), cancellationToken);
        await BlobServiceClient.ThrowIfFailedAsync(response, cancellationToken);
    }

    /// <summary>Put Block Blob (whole content in one request, up to 5000 MiB); returns the new ETag.</summary>
    public async Task<string> UploadAsync(
        string blobName, ReadOnlyMemory<byte> content, string contentType, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        using var response = await _service.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, BlobUri(blobName))
                {
                    Content = new ReadOnlyMemoryContent(content),
                };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
                AddConditions(request, conditions);
                return request;
            },
            cancellationToken);
        await BlobServiceClient.ThrowIfFailedAsync(response, cancellationToken);
        return ETagOf(response);
    }

    /// <summary>Get Blob; <c>null</c> when the blob does not exist.</summary>
    public async Task<BlobDownloadResult?> DownloadAsync(string blobName, CancellationToken cancellationToken)
    {
        using var response = await _service.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, BlobUri(blobName)), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await BlobServiceClient.ThrowIfFailedAsync(response, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new BlobDownloadResult(bytes, ETagOf(response), response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>Delete Blob; returns <c>false</c> when it did not exist (404), throws on a failed condition (412).</summary>
    public async Task<bool> DeleteBlobIfExistsAsync(string blobName, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        using var response = await _service.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Delete, BlobUri(blobName));
                AddConditions(request, conditions);
                return request;
            },
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await BlobServiceClient.ThrowIfFailedAsync(response, cancellationToken);
        return true;
    }

    /// <summary>List Blobs (flat) by prefix, following <c>NextMarker</c> across pages.</summary>
    public async IAsyncEnumerable<string> GetBlobNamesAsync(
        string prefix, int? pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var query = new StringBuilder($"{_url}?restype=container&comp=list");
            if (prefix.Length > 0)
            {
                query.Append("&prefix=").Append(Uri.EscapeDataString(prefix));
            }

            if (pageSize is { } size)
            {
                query.Append("&maxresults=").Append(size.ToString(CultureInfo.InvariantCulture));
            }

            if (marker is not null)
            {
                query.Append("&marker=").Append(Uri.EscapeDataString(marker));
            }

            var url = query.ToString();
            using var response = await _service.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
            await BlobServiceClient.ThrowIfFailedAsync(response, cancellationToken);
            var document = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = document.Root ?? throw new InvalidDataException("List Blobs answered an empty XML document.");
            foreach (var name in root.Element("Blobs")?.Elements("Blob").Select(b => b.Element("Name")?.Value) ?? [])
            {
                if (name is not null)
                {
                    yield return name;
                }
            }

            marker = root.Element("NextMarker")?.Value;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    /// <summary>Acquires a lease of 15–60 s; returns the lease id, or <c>null</c> when another lease is active.</summary>
    public async Task<string?> AcquireLeaseAsync(string blobName, TimeSpan duration, string proposedLeaseId, CancellationToken cancellationToken)
    {
        var seconds = (int)duration.TotalSeconds;
        if (seconds is < 15 or > 60)
        {
            // The Blob API accepts 15 to 60 seconds or infinite (-1); a lock that never expires would outlive a
            // crashed holder, so infinite is not offered.
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A blob lease lasts 15 to 60 seconds.");
        }

        using var response = await SendLeaseAsync(
            blobName,
            "acquire",
            request =>
            {
                request.Headers.TryAddWithoutValidation("x-ms-lease-duration", seconds.ToString(CultureInfo.InvariantCulture));
                request.Headers.TryAddWithoutValidation("x-ms-proposed-lease-id", proposedLeaseId);
            },
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        await BlobServiceClient.ThrowIfFailedAsync(response, cancellationToken);
        return response.Headers.TryGetValues("x-ms-lease-id", out var ids) ? ids.First() : proposedLeaseId;
    }

    /// <summary>Renews a lease; returns <c>false</c> when it is no longer ours (taken, broken, or released).</summary>
    public async Task<bool> RenewLeaseAsync(string blobName, string leaseId, CancellationToken cancellationToken)
    {
        using var response = await SendLeaseAsync(blobName, "renew", request => request.Headers.TryAddWithoutValidation("x-ms-lease-id", leaseId), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        await BlobServiceClient.ThrowIfFailedAsync(response, cancellationToken);
        return true;
    }

    /// <summary>Releases a lease; returns <c>false</c> when it was not ours any more.</summary>
    public async Task<bool> ReleaseLeaseAsync(string blobName, string leaseId, CancellationToken cancellationToken)
    {
        using var response = await SendLeaseAsync(blobName, "release", request => request.Headers.TryAddWithoutValidation("x-ms-lease-id", leaseId), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        await BlobServiceClient.ThrowIfFailedAsync(response, cancellationToken);
        return true;
    }

    /// <summary>Breaks the current lease, whoever holds it, after <paramref name="breakPeriod"/> (0–60 s).</summary>
    public async Task BreakLeaseAsync(string blobName, TimeSpan breakPeriod, CancellationToken cancellationToken)
    {
        using var response = await SendLeaseAsync(blobName, "break",
            request => request.Headers.TryAddWithoutValidation(
                "x-ms-lease-break-period", ((int)breakPeriod.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            cancellationToken);
        await BlobServiceClient.ThrowIfFailedAsync(response, cancellationToken);
    }

    private static void AddConditions(HttpRequestMessage request, BlobRequestConditions? conditions)
    {
        if (conditions?.IfMatch is { } ifMatch)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (conditions?.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (conditions?.LeaseId is { } leaseId)
        {
            request.Headers.TryAddWithoutValidation("x-ms-lease-id", leaseId);
        }
    }

    private static string? ErrorCode(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;

    private static string ETagOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values)
            ? values.First()
            : throw new InvalidDataException("The Blob service answered without an ETag.");

    private Task<HttpResponseMessage> SendLeaseAsync(
        string blobName, string action, Action<HttpRequestMessage> configure, CancellationToken cancellationToken) =>
        _service.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, $"{BlobUri(blobName)}?comp=lease");
                request.Headers.TryAddWithoutValidation("x-ms-lease-action", action);
                configure(request);
                return request;
            },
            cancellationToken);

    // Each '/'-separated segment is percent-encoded; '/' stays as the virtual-folder separator.
    private string BlobUri(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return $"{_url}/{string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))}";
    }
}
