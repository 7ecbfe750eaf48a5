namespace KaizalaBot.Storage.Blobs;

internal sealed class SharedKeyRequestAuthorizer(StorageSharedKeyCredential credential) : IBlobRequestAuthorizer
{
    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signature = credential.ComputeSignature(credential.BuildStringToSign(request));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {credential.AccountName}:{signature}");
        return ValueTask.CompletedTask;
    }
}
