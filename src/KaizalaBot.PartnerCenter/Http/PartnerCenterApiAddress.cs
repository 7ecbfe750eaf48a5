using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter.Http;

/// <summary>
/// The API client's base address and user agent, made once: IHttpClientFactory runs a named client's configuration on
/// every CreateClient, which the client does once per call, and parsing the endpoint there was work on every call.
/// </summary>
internal sealed class PartnerCenterApiAddress(IOptions<PartnerCenterOptions> options)
{
    public Uri BaseAddress { get; } = new(options.Value.Endpoint!.ToString().TrimEnd('/') + "/v1/");

    public ProductInfoHeaderValue UserAgent { get; } = new("KaizalaBot", "1.0");
}
