using KaizalaBot.Hosting;
using KaizalaBot.TeamsApp;

var builder = WebApplication.CreateBuilder(args);
if (TeamsAppPackageCommand.IsInvoked(args))     // package-teams-app: the Teams app zip, from this same configuration
{
    var command = new TeamsAppPackageCommand(builder.Configuration, builder.Environment.ContentRootPath, TimeProvider.System, Console.Out, Console.Error);
    return await command.RunAsync(args, CancellationToken.None);
}

builder.Services.AddSingleton(TimeProvider.System);
builder.AddTelemetry();         // OpenTelemetry: OTLP and/or Azure Monitor when configured, nothing by default
builder.AddStorage();           // IStorage + leases: File (embedded default), Memory or AzureBlob
builder.AddBotHosting();        // channel authentication, connector, adapter, the bot and its cards
builder.AddPartnerCenter();     // typed Partner Center client; Development: the simulator, in-process
builder.AddMigration();         // the migration engine and its runner (refresh token persisted in storage)
builder.AddReminders();         // expiry index and proactive reminders: worker, commands, card buttons
builder.AddHealth();            // /healthz (alive) and /readyz (storage reachable)
builder.AddLocalPlayground();   // Development: the Agents Playground, a Teams-like client on localhost

builder.ValidateSettingsOnBuild();  // invalid settings fail Build() with a message naming the key

var app = builder.Build();
app.MapHealth();
app.MapBot();                   // POST /api/messages
app.MapPartnerCenterSimulatorInDevelopment();   // Development: /_pcsim/v1/… and its token endpoint
app.MapReminderScanInDevelopment();             // Development: POST /_dev/reminders/scan
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
