using KaizalaBot.PartnerCenter.Simulator.Configuration;

namespace KaizalaBot.PartnerCenter.Simulator;

/// <summary>Standalone entry point: <c>dotnet run --project src/KaizalaBot.PartnerCenter.Simulator</c>.</summary>
public static class SimulatorProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddPartnerCenterSimulator(builder.Configuration.GetSection(PartnerCenterSimulatorOptions.SectionName));
        var app = builder.Build();
        app.MapPartnerCenterSimulator("");
        await app.RunAsync();
    }
}
