using System.IO.Compression;
using System.Net;
using KaizalaBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// A loopback stand-in for wherever telemetry goes (an OTLP/HTTP collector, Application Insights' ingestion, or the
/// HTTP proxy a child process is given, so that nothing it sends can leave the machine): it answers 200 to every
/// request, keeps what arrived (the body un-gzipped) and counts every connection, even one that never makes a request
/// it can parse.
/// </summary>
internal sealed class TelemetryReceiver : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedTelemetry> _received = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _connections;

    /// <summary>Ends with a slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<ReceivedTelemetry> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<TelemetryReceiver> StartAsync()
    {
        var receiver = new TelemetryReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => connection =>
        {
            Interlocked.Increment(ref receiver._connections);
            return next(connection);
        })));
        var app = builder.Build();
        app.Run(receiver.ReceiveAsync);
        await app.StartAsync(CancellationToken.None);
        receiver._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>Waits (event-driven, bounded in real time) for a request that <paramref name="match"/> accepts.</summary>
    public async Task<ReceivedTelemetry> WaitForAsync(Func<ReceivedTelemetry, bool> match, string what, TimeSpan? limit = null)
    {
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_received.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                arrived = _arrived.Task;
            }

            await arrived.WithinAsync(what, limit);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var body = context.Request.Body;
        if (context.Request.Headers.ContentEncoding == "gzip")
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var copy = new MemoryStream();
        await body.CopyToAsync(copy, context.RequestAborted);
        var received = new ReceivedTelemetry(context.Request.Method, context.Request.Host.Host, context.Request.Path, copy.ToArray());
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _received.Add(received);
            arrived = _arrived;
            _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
