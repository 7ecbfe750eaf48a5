using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Processes;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// The standalone Partner Center simulator in its own process (Release), so the harness's memory is the scanner's alone:
/// a 10,000-customer partner materialises its tenants in the simulator, not here. Killed with its tree on dispose.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SimulatorProcess(Process process, Uri root)
    {
        _process = process;
        Root = root;
    }

    public Uri Root { get; }

    public static async Task<SimulatorProcess> StartAsync(int customers, int kaizalaCustomers)
    {
        var port = FreePort();
        var process = ProcessRunner.Start(
            "dotnet", RepositoryPaths.Root,
            "run", "-c", "Release", "--no-launch-profile", "--project", Path.Combine("src", "KaizalaBot.PartnerCenter.Simulator"), "--",
            "--urls", $"http://127.0.0.1:{port}",
            "--PartnerCenterSimulator:CustomerCount", customers.ToString(CultureInfo.InvariantCulture),
            "--PartnerCenterSimulator:KaizalaCustomerCount", kaizalaCustomers.ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning");
        _ = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var simulator = new SimulatorProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        var started = Stopwatch.StartNew();
        while (!await IsListeningAsync(port))
        {
            if (process.HasExited || started.Elapsed > TimeSpan.FromMinutes(5))
            {
                await simulator.DisposeAsync();
                throw new InvalidOperationException($"The simulator did not start: {await errors}");
            }

            await Task.Delay(200);
        }

        return simulator;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
