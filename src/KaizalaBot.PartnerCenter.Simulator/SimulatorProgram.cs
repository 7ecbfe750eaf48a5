using KaizalaBot.PartnerCenter.Simulator.Configuration;

namespace KaizalaBot.PartnerCenter.Simulator;

/// <summary>Standalone entry point: <c>dotnet run --project src/KaizalaBot.PartnerCenter.Simulator</c>.</summary>
public static class SimulatorProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // No appsettings.json ships with the simulator: the bot host references this project and must not receive a
        // second one. Standalone defaults: a fixed loopback port, overridable with --urls.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5180");
        }

        builder.Services.AddPartnerCenterSimulator(builder.Configuration.GetSection(PartnerCenterSimulatorOptions.SectionName));
        var app = builder.Build();
        app.MapPartnerCenterSimulator("");
        await app.RunAsync();
    }
}
