using KaizalaBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.AddStorage();           // IStorage + leases: File (embedded default), Memory or AzureBlob
builder.AddBotHosting();        // channel authentication, connector, adapter, the bot and its cards
builder.AddHealth();            // /healthz (alive) and /readyz (storage reachable)
builder.AddLocalPlayground();   // Development: the Agents Playground, a Teams-like client on localhost

var app = builder.Build();
app.MapHealth();
app.MapBot();                   // POST /api/messages
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
