using System.Net;
using KaizalaBot.Storage.Blobs;
using KaizalaBot.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace KaizalaBot.Storage.Tests.Blobs;

public sealed class BlobServiceClientTests
{
    private static readonly BlobClientOptions FastRetries = new() { MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(1) };

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "OperationTimedOut")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "ServerBusy")]
    public async Task SendAsync_TransientServerError_RetriesUntilSuccess(HttpStatusCode status, string errorCode)
    {
        var handler = new StubHttpMessageHandler(
            () => StubHttpMessageHandler.Error(status, errorCode),
            () => StubHttpMessageHandler.Error(status, errorCode),
            () => new HttpResponseMessage(HttpStatusCode.Created));
        var container = CreateClient(handler).GetBlobContainerClient("c");

        var created = await container.CreateIfNotExistsAsync(CancellationToken.None);

        Assert.True(created);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ServerErrorBeyondMaxRetries_ThrowsWithStatusAndErrorCode()
    {
        var handler = new StubHttpMessageHandler(
            [.. Enumerable.Repeat<Func<HttpResponseMessage>>(() => StubHttpMessageHandler.Error(HttpStatusCode.ServiceUnavailable, "ServerBusy"), 4)]);
        var container = CreateClient(handler).GetBlobContainerClient("c");

        var ex = await Assert.ThrowsAsync<BlobRequestFailedException>(() => container.CreateIfNotExistsAsync(CancellationToken.None));

        Assert.Equal(503, ex.Status);
        Assert.Equal("ServerBusy", ex.ErrorCode);
        Assert.Contains("Stubbed ServerBusy.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "InvalidHeaderValue")]
    [InlineData(HttpStatusCode.Forbidden, "AuthorizationFailure")]
    [InlineData(HttpStatusCode.NotFound, "ContainerNotFound")]
    [InlineData(HttpStatusCode.Conflict, "LeaseAlreadyPresent")]
    [InlineData(HttpStatusCode.PreconditionFailed, "ConditionNotMet")]
    [InlineData(HttpStatusCode.TooManyRequests, "TooManyRequests")]
    public async Task SendAsync_ClientError_IsNotRetried(HttpStatusCode status, string errorCode)
    {
        var handler = new StubHttpMessageHandler(() => StubHttpMessageHandler.Error(status, errorCode));
        var container = CreateClient(handler).GetBlobContainerClient("c");

        var ex = await Assert.ThrowsAsync<BlobRequestFailedException>(
            () => container.UploadAsync("b", "{}"u8.ToArray(), "application/json", null, CancellationToken.None));

        Assert.Equal((int)status, ex.Status);
        Assert.Equal(errorCode, ex.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_EveryAttempt_IsSignedAndVersionPinned()
    {
        var handler = new StubHttpMessageHandler(
            () => StubHttpMessageHandler.Error(HttpStatusCode.InternalServerError, "InternalError"),
            () => new HttpResponseMessage(HttpStatusCode.Created));
        var container = CreateClient(handler).GetBlobContainerClient("c");

        await container.CreateIfNotExistsAsync(CancellationToken.None);

        Assert.All(handler.Requests, request =>
        {
            Assert.StartsWith("SharedKey devstoreaccount1:", request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
            Assert.Equal("2021-08-06", request.Headers.GetValues("x-ms-version").Single());
            Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/c?restype=container", request.RequestUri!.AbsoluteUri);
        });
        Assert.NotSame(handler.Requests[0], handler.Requests[1]);
    }

    [Fact]
    public async Task SendAsync_TokenCredential_SendsBearerTokenForStorageScope()
    {
        var handler = new StubHttpMessageHandler(() => new HttpResponseMessage(HttpStatusCode.Created));
        var credential = new RecordingTokenCredential(TimeProvider.System);
        using var http = new HttpClient(handler);
        var client = new BlobServiceClient(
            http, new Uri("https://contoso.blob.core.windows.net/"), credential, FastRetries, TimeProvider.System,
            NullLogger<BlobServiceClient>.Instance);

        await client.GetBlobContainerClient("c").CreateIfNotExistsAsync(CancellationToken.None);

        Assert.Equal("Bearer token-1", handler.Requests.Single().Headers.GetValues("Authorization").Single());
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("https://contoso.blob.core.windows.net/c?restype=container", handler.Requests.Single().RequestUri!.AbsoluteUri);
    }

    private static BlobServiceClient CreateClient(StubHttpMessageHandler handler) =>
        new(new HttpClient(handler), BlobConnectionString.Parse("UseDevelopmentStorage=true"), FastRetries, TimeProvider.System,
            NullLogger<BlobServiceClient>.Instance);
}
