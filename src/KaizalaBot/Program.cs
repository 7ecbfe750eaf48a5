using KaizalaBot.Hosting;
using KaizalaBot.TeamsApp;

var builder = WebApplication.CreateBuilder(args);
if (TeamsAppPackageCommand.IsInvoked(args))     // package-teams-app: the Teams app zip, from this same configuration
{
    var command = new TeamsAppPackageCommand(builder.Configuration, builder.Environment.ContentRootPath, TimeProvider.System, Console.Out, Console.Error);
    return await command.RunAsync(args, CancellationToken.None);
}

builder.Services.AddSingleton(TimeProvider.System);
builder.AddStorage();           // IStorage + leases: File (embedded default), Memory or AzureBlob
builder.AddBotHosting();        // channel authentication, connector, adapter, the bot and its cards
builder.AddPartnerCenter();     // typed Partner Center client; Development: the simulator, in-process
builder.AddMigration();         // the migration engine and its runner (refresh token persisted in storage)
builder.AddReminders();         // the expiry index built at start-up when absent
builder.AddHealth();            // /healthz (alive) and /readyz (storage reachable)
builder.AddLocalPlayground();   // Development: the Agents Playground, a Teams-like client on localhost

var app = builder.Build();
app.MapHealth();
app.MapBot();                   // POST /api/messages
app.MapPartnerCenterSimulatorInDevelopment();   // Development: /_pcsim/v1/… and its token endpoint
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
