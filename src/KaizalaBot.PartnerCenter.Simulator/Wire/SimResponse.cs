using System.Text;
using System.Text.Json.Nodes;

namespace KaizalaBot.PartnerCenter.Simulator.Wire;

/// <summary>A fully materialised answer, so the pipeline can replay it for a retried MS-RequestId.</summary>
internal sealed class SimResponse : IResult
{
    public SimResponse(int statusCode, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null)
    {
        StatusCode = statusCode;
        Body = body?.ToJsonString();
        Headers = headers ?? new Dictionary<string, string>();
    }

    public int StatusCode { get; }

    public string? Body { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public static SimResponse Ok(JsonNode body) => new(StatusCodes.Status200OK, body);

    public static SimResponse Created(JsonNode body) => new(StatusCodes.Status201Created, body);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        if (Body is not null)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync(Body, Encoding.UTF8, httpContext.RequestAborted);
        }
    }
}
