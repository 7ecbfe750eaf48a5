using KaizalaBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.AddStorage();           // IStorage + leases: File (embedded default), Memory or AzureBlob
builder.AddBotHosting();        // channel authentication, connector, adapter, the bot and its cards
builder.AddPartnerCenter();     // typed Partner Center client; Development: the simulator, in-process
builder.AddMigration();         // the migration engine and its runner (refresh token persisted in storage)
builder.AddHealth();            // /healthz (alive) and /readyz (storage reachable)
builder.AddLocalPlayground();   // Development: the Agents Playground, a Teams-like client on localhost

var app = builder.Build();
app.MapHealth();
app.MapBot();                   // POST /api/messages
app.MapPartnerCenterSimulatorInDevelopment();   // Development: /_pcsim/v1/… and its token endpoint
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
