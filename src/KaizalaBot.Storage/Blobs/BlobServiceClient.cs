using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace KaizalaBot.Storage.Blobs;

/// <summary>
/// A small Blob service REST client (the role of Azure.Storage.Blobs' <c>BlobServiceClient</c>, which the feed cannot
/// restore): signs each request with SharedKey or an Entra ID token, pins <c>x-ms-version</c> and retries transient
/// server failures.
/// </summary>
public sealed partial class BlobServiceClient
{
    private readonly HttpClient _http;
    private readonly IBlobRequestAuthorizer _authorizer;
    private readonly TimeProvider _timeProvider;
    private readonly BlobClientOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public BlobServiceClient(
        HttpClient http, BlobConnectionString connectionString, BlobClientOptions options, TimeProvider timeProvider, ILogger<BlobServiceClient> logger)
        : this(http, Require(connectionString).BlobEndpoint, new SharedKeyRequestAuthorizer(connectionString.Credential), options, timeProvider, logger)
    {
    }

    public BlobServiceClient(
        HttpClient http, Uri serviceUri, TokenCredential credential, BlobClientOptions options, TimeProvider timeProvider, ILogger<BlobServiceClient> logger)
        : this(http, serviceUri, new TokenRequestAuthorizer(credential, timeProvider), options, timeProvider, logger)
    {
    }

    internal BlobServiceClient(
        HttpClient http, Uri serviceUri, IBlobRequestAuthorizer authorizer, BlobClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        BaseUrl = serviceUri.AbsoluteUri.TrimEnd('/');
        Uri = new Uri(BaseUrl);
        _authorizer = authorizer;
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger;
        _pipeline = BuildPipeline();
    }

    /// <summary>The service URL (path-style URLs include the account name).</summary>
    public Uri Uri { get; }

    /// <summary>The service URL as text without a trailing slash (<see cref="System.Uri"/> adds one to a bare host).</summary>
    internal string BaseUrl { get; }

    public BlobContainerClient GetBlobContainerClient(string containerName) => new(this, containerName);

    /// <summary>
    /// Sends a request built fresh for every attempt (a request message cannot be sent twice, and each attempt
    /// needs a new <c>x-ms-date</c> and signature) and returns the final response, successful or not.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        return await _pipeline.ExecuteAsync(
            async token =>
            {
                using var request = createRequest();
                request.Headers.TryAddWithoutValidation("x-ms-version", _options.ServiceVersion);
                request.Headers.TryAddWithoutValidation("x-ms-date", _timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
                request.Headers.TryAddWithoutValidation("x-ms-client-request-id", Guid.NewGuid().ToString());
                await _authorizer.AuthorizeAsync(request, token);
                return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            },
            cancellationToken);
    }

    internal static async Task<BlobRequestFailedException> CreateExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var errorCode = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
        string? detail = null;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Length > 0)
        {
            try
            {
                var error = XDocument.Parse(body).Root;
                errorCode ??= error?.Element("Code")?.Value;
                detail = error?.Element("Message")?.Value.Split('\n')[0].Trim();
            }
            catch (System.Xml.XmlException)
            {
                // Not the service's XML error body (a proxy page, for instance): status and header are enough.
            }
        }

        var method = response.RequestMessage?.Method.Method ?? "?";
        var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? "?";
        var message = $"Blob request {method} {path} failed with {(int)response.StatusCode} {errorCode ?? response.ReasonPhrase}"
            + (detail is null ? "." : $": {detail}");
        return new BlobRequestFailedException((int)response.StatusCode, errorCode, message);
    }

    internal static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await CreateExceptionAsync(response, cancellationToken);
        }
    }

    private static BlobConnectionString Require(BlobConnectionString connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return connectionString;
    }

    // 500 InternalError/OperationTimedOut and 503 ServerBusy are the service's documented transient failures;
    // 502/504 come from gateways in front of it. A 4xx is an answer about the request and is never retried.
    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                OnRetry = args =>
                {
                    var status = args.Outcome.Result is { } response ? (int)response.StatusCode : 0;
                    LogRetrying(args.AttemptNumber + 1, status, args.RetryDelay, args.Outcome.Exception);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob request attempt {Attempt} failed with status {Status}; retrying in {Delay}")]
    private partial void LogRetrying(int attempt, int status, TimeSpan delay, Exception? exception);
}
