namespace KaizalaBot.Storage.Blobs;

/// <summary>Adds the Authorization header to a fully built request (called again for every retry attempt).</summary>
internal interface IBlobRequestAuthorizer
{
    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
