using KaizalaBot.PartnerCenter.Simulator.Behaviour;
using KaizalaBot.PartnerCenter.Simulator.Configuration;
using KaizalaBot.PartnerCenter.Simulator.Endpoints;
using KaizalaBot.PartnerCenter.Simulator.Identity;
using KaizalaBot.PartnerCenter.Simulator.State;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KaizalaBot.PartnerCenter.Simulator;

/// <summary>How a host mounts the simulator: <c>AddPartnerCenterSimulator(section)</c> then <c>MapPartnerCenterSimulator("/_pcsim")</c>.</summary>
public static class PartnerCenterSimulatorExtensions
{
    /// <summary>Registers the simulator, bound to <paramref name="configuration"/> (usually the <c>PartnerCenterSimulator</c> section).</summary>
    public static IServiceCollection AddPartnerCenterSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PartnerCenterSimulatorOptions>()
            .Bind(configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PartnerCenterSimulatorOptions>, PartnerCenterSimulatorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SimulatorWorld>();
        services.AddSingleton<SimulatorTokenService>();
        services.AddSingleton<TokenEndpointHandler>();
        services.AddSingleton<RequestThrottler>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<IdempotencyCache>();
        services.AddSingleton<PartnerCenterPipelineFilter>();
        return services;
    }

    /// <summary>
    /// Maps, under <paramref name="prefix"/> ("" for the root): <c>/v1/…</c> (Partner Center),
    /// <c>/{tenant}/oauth2/v2.0/token</c> (Entra) and <c>/_simulator/…</c> (inspection).
    /// </summary>
    public static RouteGroupBuilder MapPartnerCenterSimulator(this IEndpointRouteBuilder endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var root = endpoints.MapGroup(prefix);
        // The simulator validates its own bearer tokens; a host's fallback authorization policy must not apply here.
        root.AllowAnonymous();
        root.MapPost("/{tenant}/oauth2/v2.0/token",
            (HttpContext context, string tenant, TokenEndpointHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(context, tenant, cancellationToken));

        var v1 = root.MapGroup("/v1");
        v1.AddEndpointFilter<PartnerCenterPipelineFilter>();
        CustomerEndpoints.Map(v1);
        SubscriptionEndpoints.Map(v1);
        UserEndpoints.Map(v1);
        RoleEndpoints.Map(v1);
        CatalogEndpoints.Map(v1);
        CartEndpoints.Map(v1);
        OrderEndpoints.Map(v1);
        InspectionEndpoints.Map(root);
        return root;
    }
}
