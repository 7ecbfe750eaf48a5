using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Diagnostics;
using KaizalaBot.PartnerCenter.Tests.Fakes;
using KaizalaBot.Testing.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace KaizalaBot.PartnerCenter.Tests;

/// <summary>
/// Each Partner Center call, against the simulator over real HTTP, is a span carrying the <c>MS-CorrelationId</c> and
/// <c>MS-RequestId</c> the request really sent, its operation and status; a 429 is counted and shows on the span.
/// </summary>
public sealed class PartnerCenterTelemetryTests : IAsyncLifetime
{
    private readonly SpanRecorder _spans = new(PartnerCenterTelemetry.Name);
    private readonly ConcurrentQueue<(string? CorrelationId, string? RequestId)> _sent = new();
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SimulatorServer.StartAsync(configureClient: services =>
            services.AddHttpClient(PartnerCenterServiceCollectionExtensions.ApiHttpClientName).AddHttpMessageHandler(() => new SentHeaders(_sent)));

    public async Task DisposeAsync()
    {
        _spans.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetCustomersPage_AgainstSimulator_SpanCarriesTheCorrelationAndRequestIdsSent()
    {
        var correlationId = Guid.NewGuid();

        await _server.Client.With(new PartnerCenterRequestContext { CorrelationId = correlationId }).GetCustomersPageAsync(5, CancellationToken.None);

        var sent = Assert.Single(_sent, r => r.CorrelationId == correlationId.ToString());
        var span = Assert.Single(_spans.Tagged(PartnerCenterTelemetry.CorrelationIdTag, correlationId.ToString()));
        Assert.Equal(sent.RequestId, span.GetTagItem(PartnerCenterTelemetry.RequestIdTag));
        Assert.Equal("GetCustomersPage", span.GetTagItem(PartnerCenterTelemetry.OperationTag));
        Assert.Equal(200, span.GetTagItem(PartnerCenterTelemetry.StatusCodeTag));
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task GetCustomer_NotFound_SpanHasStatusCategoryAndPartnerCenterErrorCode()
    {
        var correlationId = Guid.NewGuid();
        var client = _server.Client.With(new PartnerCenterRequestContext { CorrelationId = correlationId });

        await Assert.ThrowsAsync<PartnerException>(() => client.GetCustomerAsync(Guid.NewGuid().ToString(), CancellationToken.None));

        var span = Assert.Single(_spans.Tagged(PartnerCenterTelemetry.CorrelationIdTag, correlationId.ToString()));
        Assert.Equal(404, span.GetTagItem(PartnerCenterTelemetry.StatusCodeTag));
        Assert.Equal(nameof(PartnerErrorCategory.NotFound), span.GetTagItem(PartnerCenterTelemetry.ErrorTypeTag));
        Assert.NotNull(span.GetTagItem(PartnerCenterTelemetry.ErrorCodeTag));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task GetCustomersPage_ThrottledOnce_CountsThe429AndTheSpanShowsTheRetry()
    {
        using var throttled = new MetricCollector<long>(
            _server.ClientServices.GetRequiredService<IMeterFactory>(), PartnerCenterTelemetry.Name, "kaizalabot.partner_center.throttled");
        await _server.SetFaultsAsync(new JsonObject { ["seed"] = 1, ["requestsPerMinute"] = 1, ["rules"] = new JsonArray() });
        await _server.Client.GetCustomersPageAsync(5, CancellationToken.None);
        var correlationId = Guid.NewGuid();

        await _server.Client.With(new PartnerCenterRequestContext { CorrelationId = correlationId }).GetCustomersPageAsync(5, CancellationToken.None);

        var span = Assert.Single(_spans.Tagged(PartnerCenterTelemetry.CorrelationIdTag, correlationId.ToString()));
        Assert.Contains(_server.Responses.Entries, e => e.Status == HttpStatusCode.TooManyRequests);
        Assert.Equal(1, span.GetTagItem(PartnerCenterTelemetry.RetriesTag));
        Assert.Equal(true, span.GetTagItem(PartnerCenterTelemetry.ThrottledTag));
        Assert.Equal(200, span.GetTagItem(PartnerCenterTelemetry.StatusCodeTag));
        var measurement = Assert.Single(throttled.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("GetCustomersPage", measurement.Tags[PartnerCenterTelemetry.OperationTag]);
    }

    /// <summary>Records the correlation and request ids each attempt carried on the wire.</summary>
    private sealed class SentHeaders(ConcurrentQueue<(string? CorrelationId, string? RequestId)> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue((Header(request, "MS-CorrelationId"), Header(request, "MS-RequestId")));
            return base.SendAsync(request, cancellationToken);
        }

        private static string? Header(HttpRequestMessage request, string name) =>
            request.Headers.TryGetValues(name, out var values) ? values.Single() : null;
    }
}
