using System.Diagnostics.Metrics;
using System.Net;
using KaizalaBot.BotFramework.Diagnostics;
using KaizalaBot.Hosting;
using KaizalaBot.PartnerCenter.Diagnostics;
using KaizalaBot.Storage.Diagnostics;
using KaizalaBot.Testing.Diagnostics;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KaizalaBot.Tests.Hosting;

/// <summary>
/// The host's telemetry (architecture §7): a turn through the real endpoint is a span with the connector calls beneath
/// it; nothing is exported, and no connection attempted, unless an exporter is configured; OTLP goes where it is told,
/// by our key or the standard variable; Azure Monitor and OTLP together each receive the turn, and nothing leaves the
/// machine in the test.
/// </summary>
public sealed class TelemetryTests
{
    private const string ConversationIdTag = "kaizalabot.conversation.id";

    [Fact]
    public async Task Post_Message_TurnSpanWithItsAttributesAndTheConnectorCallsBeneathIt()
    {
        using var spans = new SpanRecorder(BotFrameworkTelemetry.Name, StorageTelemetry.Name);
        await using var connector = await RecordingConnectorServer.StartAsync();
        using var host = new BotHostFactory();
        using var client = host.CreateClient();
        using var turns = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), BotFrameworkTelemetry.Name, "kaizalabot.turns");
        var conversationId = "a:telemetry-" + Guid.NewGuid().ToString("N");
        var activity = new TeamsActivities(new Uri(connector.ServiceUrl), ConversationId: conversationId).Message("help");

        using var response = await client.SendAsync(TeamsActivities.Post(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(spans.Tagged(ConversationIdTag, conversationId), s => s.OperationName == "bot.turn");
        Assert.Equal("inbound", turn.GetTagItem("kaizalabot.turn.kind"));
        Assert.Equal("message", turn.GetTagItem("kaizalabot.activity.type"));
        Assert.Equal("msteams", turn.GetTagItem("kaizalabot.channel.id"));
        Assert.Equal(activity.Id, turn.GetTagItem("kaizalabot.activity.id"));
        Assert.Equal("completed", turn.GetTagItem("kaizalabot.turn.outcome"));
        var beneath = spans.InTrace(turn.TraceId).Where(s => s.ParentSpanId == turn.SpanId).ToList();
        var reply = Assert.Single(beneath, s => s.OperationName == "connector ReplyToActivity");
        Assert.Equal("ReplyToActivity", reply.GetTagItem("kaizalabot.connector.operation"));
        Assert.Equal(0, reply.GetTagItem("kaizalabot.connector.retries"));
        Assert.Contains(beneath, s => s.Source.Name == StorageTelemetry.Name);
        Assert.Contains(turns.GetMeasurementSnapshot(), m => (string?)m.Tags["kaizalabot.turn.outcome"] == "completed");
    }

    [Fact]
    public async Task Run_NoExporterConfigured_NoProviderIsRegisteredAndNoDefaultCollectorIsCalled()
    {
        // OTLP's default collector is on loopback (localhost:4317 or 4318), where no proxy can stand in: every HTTP request
        // this process makes is seen through the runtime's own System.Net.Http metrics instead.
        var defaultCollectorCalls = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is 4317 or 4318)
                {
                    Interlocked.Increment(ref defaultCollectorCalls);
                }
            }
        });
        listener.Start();

        using (var host = new BotHostFactory())
        {
            using var client = host.CreateClient();
            using var health = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Null(host.Services.GetService<TracerProvider>());
            Assert.Null(host.Services.GetService<MeterProvider>());
            Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), provider => provider is OpenTelemetryLoggerProvider);
        }

        // Disposing the host would have flushed any exporter.
        Assert.Equal(0, Volatile.Read(ref defaultCollectorCalls));
    }

    [Fact]
    public async Task Run_NoExporterConfigured_NoConnectionIsAttemptedEvenAtShutdown()
    {
        // Every outbound HTTP connection of the process to another machine goes to this proxy: an exporter registered by
        // default (Azure Monitor's ingestion, a collector elsewhere) would show up here, at the latest on the shutdown flush.
        await using var proxy = await TelemetryReceiver.StartAsync();
        await using var bot = await BotProcess.StartAsync(ProxiedThrough(proxy, noProxy: string.Empty));
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = bot.BaseAddress };

        using var health = await client.GetAsync("healthz");
        await bot.StopAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, proxy.Connections);
    }

    [Fact]
    public async Task Run_StandardOtlpVariables_ExportTheTurnToThatCollector()
    {
        await using var collector = await TelemetryReceiver.StartAsync();
        await using var connector = await RecordingConnectorServer.StartAsync();
        var conversationId = "a:otlp-" + Guid.NewGuid().ToString("N");
        using (var host = new BotHostFactory(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }))
        {
            using var client = host.CreateClient();
            Assert.NotNull(host.Services.GetService<TracerProvider>());

            using var response = await client.SendAsync(TeamsActivities.Post(new TeamsActivities(new Uri(connector.ServiceUrl), ConversationId: conversationId).Message("help")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Disposing the host flushed the exporters.
        var traces = await collector.WaitForAsync(r => r.Path == "/v1/traces" && r.Carries(conversationId), "the turn's spans at the collector");
        Assert.True(traces.Carries("bot.turn"));
        Assert.True(traces.Carries("connector ReplyToActivity"));
    }

    [Fact]
    public async Task Run_AzureMonitorAndOtlpTogether_BothReceiveTheTurnAndNothingLeavesTheMachine()
    {
        const string IngestionHost = "ingestion.kaizalabot.test";
        await using var proxy = await TelemetryReceiver.StartAsync();
        await using var collector = await TelemetryReceiver.StartAsync();
        await using var connector = await RecordingConnectorServer.StartAsync();
        var environment = ProxiedThrough(proxy, noProxy: "127.0.0.1");
        environment["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            $"InstrumentationKey=5eed0000-0000-4000-8000-00000000a1a1;IngestionEndpoint=http://{IngestionHost}/;LiveEndpoint=http://live.kaizalabot.test/";
        environment["AzureMonitor__DisableOfflineStorage"] = "true";

        // The distro samples at 5 traces a second by default, a budget that is empty in the first moments of a process:
        // the one turn this test sends would be dropped now and then. Every trace is kept instead, as SamplingRatio says.
        environment["AzureMonitor__TracesPerSecond"] = "";
        environment["AzureMonitor__SamplingRatio"] = "1";
        environment["OpenTelemetry__Otlp__Endpoint"] = collector.BaseAddress.ToString();
        environment["OpenTelemetry__Otlp__Protocol"] = "http/protobuf";
        var conversationId = "a:both-" + Guid.NewGuid().ToString("N");
        await using var bot = await BotProcess.StartAsync(environment);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = bot.BaseAddress };

        using var response = await client.SendAsync(TeamsActivities.Post(new TeamsActivities(new Uri(connector.ServiceUrl), ConversationId: conversationId).Message("help")));
        await bot.StopAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(connector.Requests);
        Assert.Contains(proxy.Requests, r => r.Host == IngestionHost && r.Path == "/v2.1/track" && r.Carries(conversationId) && r.Carries("bot.turn"));
        Assert.Contains(collector.Requests, r => r.Path == "/v1/traces" && r.Carries(conversationId) && r.Carries("bot.turn"));
        Assert.Contains(collector.Requests, r => r.Path == "/v1/metrics" && r.Carries("kaizalabot.turns"));
        Assert.Contains(collector.Requests, r => r.Path == "/v1/logs");
    }

    [Theory]
    [InlineData("not a url", "http/protobuf", "OpenTelemetry:Otlp:Endpoint")]
    [InlineData("ftp://collector:4317", "grpc", "OpenTelemetry:Otlp:Endpoint")]
    [InlineData("http://collector:4318", "http/json", "OpenTelemetry:Otlp:Protocol")]
    public void Validate_BadOtlpSettings_FailNamingTheKey(string endpoint, string protocol, string key)
    {
        var result = new OpenTelemetryOptionsValidator().Validate(null, new OpenTelemetryOptions { Otlp = new OtlpOptions { Endpoint = endpoint, Protocol = protocol } });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void PartnerCenterAndStorageSources_AreNamedUnderTheHostsWildcard()
    {
        string[] names = [BotFrameworkTelemetry.Name, PartnerCenterTelemetry.Name, StorageTelemetry.Name, Migration.Diagnostics.MigrationTelemetry.Name];

        Assert.All(names, name => Assert.StartsWith(TelemetryExtensions.ServiceName + ".", name, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> ProxiedThrough(TelemetryReceiver proxy, string noProxy) => new()
    {
        ["http_proxy"] = proxy.BaseAddress.ToString(),
        ["https_proxy"] = proxy.BaseAddress.ToString(),
        ["no_proxy"] = noProxy,
        ["HTTP_PROXY"] = proxy.BaseAddress.ToString(),
        ["HTTPS_PROXY"] = proxy.BaseAddress.ToString(),
        ["NO_PROXY"] = noProxy,
    };
}
