using System.Text.Json;
using System.Text.Json.Serialization;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;
using KaizalaBot.PartnerCenter.Simulator.State;

namespace KaizalaBot.PartnerCenter.Simulator.Endpoints;

/// <summary>
/// <c>/_simulator/*</c>: not Partner Center (state, one customer's full tenant, faults, reset). Lets tests and demos look at the whole world and steer faults. No token
/// needed: the simulator only ever runs on a developer machine or inside a test.
/// </summary>
internal static class InspectionEndpoints
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Map(RouteGroupBuilder group)
    {
        var inspection = group.MapGroup("/_simulator");
        inspection.MapGet("/state", (SimulatorWorld world) => Results.Json(State(world), JsonOptions));
        inspection.MapGet("/customers/{customerId}", (string customerId, SimulatorWorld world) =>
        {
            try
            {
                return Results.Json(world.Read(customerId, (customer, tenant) => new { customer, tenant = tenant.ToSnapshot() }), JsonOptions);
            }
            catch (PartnerCenterFaultException ex) when (ex.StatusCode == StatusCodes.Status404NotFound)
            {
                return Results.NotFound(new { error = ex.Message });
            }
        });
        inspection.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.Settings, JsonOptions));
        inspection.MapPut("/faults", PutFaultsAsync);
        inspection.MapPost("/reset", (SimulatorWorld world, FaultInjector faults, RequestThrottler throttler, IdempotencyCache idempotency) =>
        {
            world.Reset();
            faults.Apply(FaultInjector.Defaults(world.Options));
            throttler.Clear();
            idempotency.Clear();
            return Results.NoContent();
        });
    }

    private static async Task<IResult> PutFaultsAsync(HttpRequest request, FaultInjector faults, CancellationToken cancellationToken)
    {
        FaultSettings? settings;
        try
        {
            settings = await JsonSerializer.DeserializeAsync<FaultSettings>(request.Body, JsonOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Results.BadRequest(new { error = "The fault settings are not valid JSON: " + ex.Message });
        }

        if (settings is null || settings.RequestsPerMinute < 0 || settings.TimeoutDuration < TimeSpan.Zero
            || settings.Rules.Any(r => r.FailureRate is < 0 or > 1 || r.Latency < TimeSpan.Zero || string.IsNullOrWhiteSpace(r.Endpoint)))
        {
            return Results.BadRequest(new { error = "Fault settings need requestsPerMinute >= 0, timeoutDuration >= 0 and rules with an endpoint, failureRate in [0,1] and latency >= 0." });
        }

        faults.Apply(settings);
        return Results.Json(settings, JsonOptions);
    }

    private static object State(SimulatorWorld world)
    {
        var snapshot = world.Snapshot();
        return new
        {
            generatedAt = snapshot.GeneratedAt,
            seed = snapshot.Seed,
            customers = world.Customers.Select(c => new
            {
                c.Id,
                c.CompanyName,
                c.Domain,
                c.Country,
                c.Segment,
                hasKaizala = world.HasKaizala(c),
            }),
            tenants = snapshot.Tenants,
        };
    }
}
