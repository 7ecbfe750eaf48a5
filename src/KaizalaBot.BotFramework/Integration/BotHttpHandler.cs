using System.Buffers;
using System.Text.Json;
using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Diagnostics;
using KaizalaBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Integration;

/// <summary>
/// <c>POST /api/messages</c>: 413 over the body limit; 400 or 408 (from Kestrel) for a body that breaks HTTP framing
/// or stops short; 400 with an <see cref="ErrorResponse"/> naming the rule for a body that is not a valid activity
/// (<see cref="ActivityBodyReader"/>) or whose serviceUrl the bot may not call (<see cref="ServiceUrlPolicy"/>: the
/// connector checks again, since proactive sends use stored references); 401 when authentication fails (no detail);
/// then the turn: an invoke is answered with its invoke response (status and JSON body; 501 when the bot set none),
/// everything else with 200 and no body, written before the turn lets go of the conversation (so no later turn of it
/// sends to Teams ahead of this answer).
/// </summary>
/// <remarks>
/// Nothing escapes this handler: an unexpected exception is our fault, logged as an Error with its trace and answered
/// 500 with an empty body, so no exception page (the developer one included) can ever render here. A client's mistake
/// is logged at Information, without a trace.
/// </remarks>
internal sealed partial class BotHttpHandler(
    CloudAdapter adapter,
    IOptions<BotAdapterOptions> options,
    IOptions<BotConnectorOptions> connectorOptions,
    IOptions<MicrosoftAppOptions> appOptions,
    ILogger<BotHttpHandler> logger)
{
    private readonly ServiceUrlPolicy _serviceUrls = connectorOptions.Value.CreateServiceUrlPolicy(appOptions.Value);

    public async Task HandleAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        try
        {
            await HandleCoreAsync(httpContext);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && httpContext.RequestAborted.IsCancellationRequested)
        {
            LogCallerGone();
        }
        catch (Exception ex)
        {
            LogUnexpected(ex);
            Answer(response, StatusCodes.Status500InternalServerError);
        }
    }

    private async Task HandleCoreAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        var limit = options.Value.MaxRequestBodyBytes;

        if (request.ContentLength > limit)
        {
            LogRejected(StatusCodes.Status413PayloadTooLarge, "body over the size limit");
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        RequestBody? body;
        try
        {
            body = await RequestBody.ReadAsync(request.Body, request.ContentLength, limit, cancellationToken);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Kestrel's verdict on the framing, the caller still being there: BadHttpRequestException carries its status
            // (400 for bad chunks or a body ending short, 408 for one too slow to arrive, 413); an overflowing chunk size
            // comes as a bare IOException ("Bad chunk size data.") and is a 400 as well.
            var status = ex is BadHttpRequestException framing ? framing.StatusCode : StatusCodes.Status400BadRequest;
            LogBadFraming(status, ex.Message);
            response.StatusCode = status;
            return;
        }

        if (body is null)
        {
            LogRejected(StatusCodes.Status413PayloadTooLarge, "body over the size limit");
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        ActivityReadResult read;
        using (body)
        {
            read = ActivityBodyReader.Read(body.Span);
        }

        if (read.Activity is not { } activity)
        {
            await RejectAsync(response, read.Problem!, cancellationToken);
            return;
        }

        if (_serviceUrls.Decide(activity.ServiceUrl) == ServiceUrlDecision.Refuse)
        {
            LogServiceUrlRefused(activity.ServiceUrl);
            await RejectAsync(response, "serviceUrl is not an allowed Bot Connector URL.", cancellationToken);
            return;
        }

        var bot = httpContext.RequestServices.GetRequiredService<IBot>();
        var authorization = request.Headers.Authorization.ToString();
        try
        {
            // Written while the turn still holds the conversation: see CloudAdapter.ProcessActivityAsync.
            await adapter.ProcessActivityAsync(
                authorization.Length > 0 ? authorization : null, activity, bot, answer => WriteAnswerAsync(response, answer, cancellationToken), cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            LogRejected(StatusCodes.Status401Unauthorized, "authentication failed");
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    // Sent now rather than when the handler returns, so it leaves before the turn lets go of the conversation.
    private static async Task WriteAnswerAsync(HttpResponse response, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        response.StatusCode = invokeResponse?.Status ?? StatusCodes.Status200OK;
        if (invokeResponse is { HasBody: true })
        {
            // The body is already JSON we wrote (InvokeResponses): its bytes go out as they are, not re-encoded.
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = invokeResponse.BodyLength;
            invokeResponse.WriteBody(response.BodyWriter);
            await response.BodyWriter.FlushAsync(cancellationToken);
        }
        else
        {
            response.ContentLength = 0;
            await response.StartAsync(cancellationToken);
        }
    }

    private async Task RejectAsync(HttpResponse response, string problem, CancellationToken cancellationToken)
    {
        LogRejected(StatusCodes.Status400BadRequest, problem);
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "application/json; charset=utf-8";
        var error = new ErrorResponse(new ErrorBody { Code = "BadArgument", Message = problem });
        await JsonSerializer.SerializeAsync(response.Body, error, BotJson.Options, cancellationToken);
    }

    private static void Answer(HttpResponse response, int statusCode)
    {
        if (response.HasStarted)
        {
            return;
        }

        response.Clear();
        response.StatusCode = statusCode;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot request rejected with {StatusCode}: {Reason}")]
    private partial void LogRejected(int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot request rejected with 400: serviceUrl {ServiceUrl} is not an allowed Bot Connector URL (see BotFramework:AllowedServiceHosts)")]
    private partial void LogServiceUrlRefused(LogValue serviceUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot request rejected with {StatusCode} by the HTTP server: {Reason}")]
    private partial void LogBadFraming(int statusCode, LogValue reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot request abandoned: the caller went away before the answer")]
    private partial void LogCallerGone();

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot request failed unexpectedly; answered 500 without detail")]
    private partial void LogUnexpected(Exception exception);
}
