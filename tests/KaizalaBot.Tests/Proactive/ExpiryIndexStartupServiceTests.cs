using KaizalaBot.Migration.Expiry;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Proactive;

/// <summary>The real host builds the expiry index in the background at start-up, from the in-process simulator.</summary>
public sealed class ExpiryIndexStartupServiceTests
{
    [Fact]
    public async Task Start_NoScanEverCompleted_BuildsTheIndexInTheBackground()
    {
        await using var host = new SimulatorRoutingHost(new Dictionary<string, string?> { ["Expiry:BuildAtStartup"] = "true" });
        var index = host.Services.GetRequiredService<ExpiryIndex>();

        var status = await WaitUntilReadyAsync(index);

        Assert.Equal(25, status.KaizalaCustomers);
        Assert.Equal(25, (await index.ReadPageAsync(null, 50, CancellationToken.None)).Items.Count);
    }

    [Fact]
    public async Task Start_BuildAtStartupOff_LeavesTheIndexAlone()
    {
        await using var host = new SimulatorRoutingHost();
        using var client = host.CreateClient();   // the host has started

        var status = await host.Services.GetRequiredService<ExpiryIndex>().GetStatusAsync(CancellationToken.None);

        Assert.False(status.IsReady);
        Assert.Null(status.LastStartedAt);
    }

    // Bounded in real time; the scan itself runs on the host's clock against the in-process simulator.
    private static async Task<ExpiryIndexStatus> WaitUntilReadyAsync(ExpiryIndex index)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var status = await index.GetStatusAsync(limit.Token);
            if (status.IsReady)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), limit.Token);
        }
    }
}
