using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.BotFramework.Integration;

public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the messaging endpoint (e.g. <c>/api/messages</c>): <c>POST</c> runs a turn (see <see cref="BotHttpHandler"/>);
    /// <c>HEAD</c> answers 200 with no body and touches nothing, because the Microsoft 365 Agents Playground probes
    /// the endpoint with <c>HEAD</c> before it starts (shared/reference/local-tooling.md §7); every other verb gets
    /// routing's 405 with <c>Allow</c>. Requires <see cref="BotServiceCollectionExtensions.AddBotAdapter{TBot}"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        endpoints.MapMethods(pattern, [HttpMethods.Head], () => Results.Ok());
        return endpoints.MapPost(pattern, (HttpContext httpContext) =>
            httpContext.RequestServices.GetRequiredService<BotHttpHandler>().HandleAsync(httpContext));
    }
}
