using System.Globalization;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Identity;
using KaizalaBot.PartnerCenter.Simulator.Wire;

namespace KaizalaBot.PartnerCenter.Simulator.Behaviour;

/// <summary>
/// What every /v1 call goes through, in Partner Center's order: ids echoed, bearer token validated, licence endpoints
/// closed to app-only tokens (403), throttling, MS-RequestId replay, injected latency and faults, then the handler.
/// </summary>
internal sealed partial class PartnerCenterPipelineFilter : IEndpointFilter
{
    public const string CallerItemKey = "pcsim.caller";

    private readonly SimulatorTokenService _tokens;
    private readonly RequestThrottler _throttler;
    private readonly FaultInjector _faults;
    private readonly IdempotencyCache _idempotency;
    private readonly TimeProvider _time;
    private readonly ILogger<PartnerCenterPipelineFilter> _logger;

    public PartnerCenterPipelineFilter(
        SimulatorTokenService tokens, RequestThrottler throttler, FaultInjector faults, IdempotencyCache idempotency,
        TimeProvider time, ILogger<PartnerCenterPipelineFilter> logger)
    {
        _tokens = tokens;
        _throttler = throttler;
        _faults = faults;
        _idempotency = idempotency;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var cancellationToken = http.RequestAborted;
        var requestId = EchoHeader(http, "MS-RequestId");
        EchoHeader(http, "MS-CorrelationId");
        http.Response.Headers["MS-CV"] = Guid.NewGuid().ToString("N")[..16];
        http.Response.Headers["MS-ServerId"] = "pcsim";

        var metadata = http.GetEndpoint()?.Metadata.GetMetadata<SimEndpointMetadata>() ?? new SimEndpointMetadata("unknown", false);

        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized(800001, "Partner token is missing. Send an Authorization: Bearer <access token> header.");
        }

        var caller = await _tokens.ValidateAsync(authorization["Bearer ".Length..].Trim(), cancellationToken);
        if (caller is null)
        {
            return Unauthorized(400, "Access denied: the access token is invalid or expired.");
        }

        http.Items[CallerItemKey] = caller;
        if (metadata.RequiresUser && caller.IsAppOnly)
        {
            // A Microsoft maintainer: app-only credentials on customer-user operations get 403 (reference §1.2). 900316
            // is about the legacy partner token, which this simulator never issues. Code 2032 is the error table's
            // generic 403 "Access denied" (the specific code is not documented).
            return WireJson.FaultResponse(403, 2032,
                "Access denied: customer users, licences and provisioning status need an App+User access token (Secure Application Model).");
        }

        var now = _time.GetUtcNow();
        var settings = _faults.Settings;
        var tenantKey = http.GetRouteValue("customerId")?.ToString() ?? SimulatorDemoDirectory.PartnerTenantId;
        if (_throttler.TryAcquire(tenantKey, settings.RequestsPerMinute, now) is { } retryAfter)
        {
            LogThrottled(metadata.Name, retryAfter);
            return new SimResponse(
                StatusCodes.Status429TooManyRequests,
                new JsonObject { ["statusCode"] = 429, ["message"] = $"Rate limit is exceeded. Try again in {retryAfter} seconds." },
                new Dictionary<string, string> { ["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture) });
        }

        var isMutation = !HttpMethods.IsGet(http.Request.Method);
        var idempotencyKey = isMutation && http.Request.Headers.ContainsKey("MS-RequestId")
            ? IdempotencyCache.Key(requestId, http.Request.Method, http.Request.Path + http.Request.QueryString)
            : null;
        if (idempotencyKey is not null && _idempotency.Find(idempotencyKey, now) is { } replay)
        {
            LogReplayed(metadata.Name, requestId);
            return replay;
        }

        var decision = _faults.Decide(metadata.Name);
        if (decision.Latency > TimeSpan.Zero)
        {
            await Task.Delay(decision.Latency, _time, cancellationToken);
        }

        switch (decision.Fault)
        {
            case FaultKind.ServerError:
                LogFault(metadata.Name, FaultKind.ServerError);
                return WireJson.FaultResponse(500, 500, "An internal server error occurred (simulated fault).");
            case FaultKind.ServiceUnavailable:
                LogFault(metadata.Name, FaultKind.ServiceUnavailable);
                return new SimResponse(503, WireJson.Fault(503, "The service is temporarily unavailable (simulated fault)."),
                    new Dictionary<string, string> { ["Retry-After"] = "1" });
            case FaultKind.Timeout:
                LogFault(metadata.Name, FaultKind.Timeout);
                return await GatewayTimeoutAsync(decision.TimeoutDuration, cancellationToken);
            default:
                break;
        }

        SimResponse response;
        try
        {
            var result = await next(context);
            if (result is not SimResponse simResponse)
            {
                return result;
            }

            response = simResponse;
        }
        catch (PartnerCenterFaultException ex)
        {
            LogFaultAnswered(metadata.Name, ex.StatusCode, ex.Code);
            response = WireJson.FaultResponse(ex.StatusCode, ex.Code, ex.Message, ex.Detail);
        }

        if (idempotencyKey is not null)
        {
            _idempotency.Remember(idempotencyKey, response, _time.GetUtcNow());
        }

        if (decision.Fault == FaultKind.TimeoutAfterProcessing)
        {
            LogFault(metadata.Name, FaultKind.TimeoutAfterProcessing);
            return await GatewayTimeoutAsync(decision.TimeoutDuration, cancellationToken);
        }

        return response;
    }

    private async Task<SimResponse> GatewayTimeoutAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (duration > TimeSpan.Zero)
        {
            await Task.Delay(duration, _time, cancellationToken);
        }

        return WireJson.FaultResponse(504, 504, "The request timed out (simulated fault).");
    }

    private static SimResponse Unauthorized(int code, string description) =>
        new(401, WireJson.Fault(code, description),
            new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer error=\"invalid_token\"" });

    private static string EchoHeader(HttpContext http, string name)
    {
        var value = http.Request.Headers[name].ToString();
        if (value.Length == 0)
        {
            value = Guid.NewGuid().ToString();
        }

        http.Response.Headers[name] = value;
        return value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator throttled {Endpoint}; Retry-After {RetryAfterSeconds}s")]
    private partial void LogThrottled(string endpoint, int retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator replayed {Endpoint} for MS-RequestId {RequestId}")]
    private partial void LogReplayed(string endpoint, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator answered {Endpoint} with HTTP {StatusCode} code {Code}")]
    private partial void LogFaultAnswered(string endpoint, int statusCode, int code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator injected {Fault} into {Endpoint}")]
    private partial void LogFault(string endpoint, FaultKind fault);
}
