using KaizalaBot.PartnerCenter;
#if PARTNER_CENTER_SIMULATOR
using KaizalaBot.PartnerCenter.Simulator;
#endif

namespace KaizalaBot.Hosting;

/// <summary>
/// The Partner Center client, and in Development the simulator mounted in-process under <see cref="SimulatorPrefix"/>
/// so a newcomer runs the whole bot with nothing but the .NET SDK and Node.js (architecture §7). The Development
/// settings point the client's endpoint and authority at that mount with the simulator's public demo credentials.
/// </summary>
/// <remarks>
/// Only builds with <c>IncludePartnerCenterSimulator</c> (Debug, by default) contain the simulator; a Release build
/// has no simulator code at all, so no environment setting can switch it on in production.
/// </remarks>
internal static partial class PartnerCenterHostingExtensions
{
    public const string SimulatorPrefix = "/_pcsim";

    public static WebApplicationBuilder AddPartnerCenter(this WebApplicationBuilder builder)
    {
        builder.Services.AddPartnerCenterClient(builder.Configuration);
#if PARTNER_CENTER_SIMULATOR
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddPartnerCenterSimulator(builder.Configuration.GetSection("PartnerCenterSimulator"));
        }
#endif

        return builder;
    }

    public static WebApplication MapPartnerCenterSimulatorInDevelopment(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
#if PARTNER_CENTER_SIMULATOR
            app.MapPartnerCenterSimulator(SimulatorPrefix);
#else
            LogSimulatorNotInThisBuild(app.Logger, SimulatorPrefix);
#endif
        }

        return app;
    }

#if !PARTNER_CENTER_SIMULATOR
    [LoggerMessage(Level = LogLevel.Warning, Message = "Development environment, but this build has no Partner Center simulator "
        + "(Release builds leave it out): nothing answers under {Prefix}; point PartnerCenter:Endpoint and Authority at Partner Center, "
        + "or build with -p:IncludePartnerCenterSimulator=true")]
    private static partial void LogSimulatorNotInThisBuild(ILogger logger, string prefix);
#endif
}
