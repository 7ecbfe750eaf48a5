using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.EndToEnd;

/// <summary>
/// The real host on real Kestrel in Development, exactly as <c>dotnet run</c> starts it — including its launcher,
/// which installs and starts the Microsoft 365 Agents Playground pointed at the bot — with memory storage and a free
/// Playground port so runs never collide.
/// </summary>
public sealed class PlaygroundHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public PlaygroundHost()
    {
        PlaygroundPort = FreePorts.Next();
        UseKestrel(0);
    }

    public int PlaygroundPort { get; }

    public Uri PlaygroundUrl => new($"http://localhost:{PlaygroundPort}/");

    public string ChromiumPath { get; private set; } = ChromiumInstaller.DefaultPath;

    public async Task InitializeAsync()
    {
        ChromiumPath = await ChromiumInstaller.EnsureAsync(CancellationToken.None);
        StartServer();

        // First run includes `npm ci` of the Playground; afterwards it answers within seconds.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(PlaygroundUrl);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTimeOffset.UtcNow < deadline)
            {
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new InvalidOperationException(
                    $"The Agents Playground did not answer on {PlaygroundUrl} within {StartTimeout}: is Node.js installed? See the host log.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", "Memory");
        builder.UseSetting("Playground:Enabled", "true");
        builder.UseSetting("Playground:Port", PlaygroundPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
