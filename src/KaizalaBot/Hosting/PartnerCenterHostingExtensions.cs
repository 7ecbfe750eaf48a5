using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Simulator;

namespace KaizalaBot.Hosting;

/// <summary>
/// The Partner Center client, and in Development the simulator mounted in-process under <see cref="SimulatorPrefix"/>
/// so a newcomer runs the whole bot with nothing but the .NET SDK and Node.js (architecture §7). The Development
/// settings point the client's endpoint and authority at that mount with the simulator's public demo credentials.
/// </summary>
internal static class PartnerCenterHostingExtensions
{
    public const string SimulatorPrefix = "/_pcsim";

    public static WebApplicationBuilder AddPartnerCenter(this WebApplicationBuilder builder)
    {
        builder.Services.AddPartnerCenterClient(builder.Configuration);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddPartnerCenterSimulator(builder.Configuration.GetSection("PartnerCenterSimulator"));
        }

        return builder;
    }

    public static WebApplication MapPartnerCenterSimulatorInDevelopment(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapPartnerCenterSimulator(SimulatorPrefix);
        }

        return app;
    }
}
