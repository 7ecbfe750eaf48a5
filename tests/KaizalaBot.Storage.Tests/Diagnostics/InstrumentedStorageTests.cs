using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using KaizalaBot.Storage.Diagnostics;
using KaizalaBot.Testing.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace KaizalaBot.Storage.Tests.Diagnostics;

/// <summary>
/// Every operation of the registered storage is a span and a duration measurement with its backend and outcome: a
/// conflict or a missing document is visible as such, next to whatever met it.
/// </summary>
public sealed class InstrumentedStorageTests : IDisposable
{
    private const string Duration = "kaizalabot.storage.operation.duration";

    private static readonly ActivitySource Test = new("KaizalaBot.Storage.Tests");

    private readonly SpanRecorder _spans = new(StorageTelemetry.Name, Test.Name);
    private readonly ServiceProvider _services;

    public InstrumentedStorageTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Memory" }).Build();
        _services = new ServiceCollection().AddKaizalaStorage(configuration).BuildServiceProvider();
    }

    private IStorage Storage => _services.GetRequiredService<IStorage>();

    public void Dispose()
    {
        _spans.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task WriteAsync_CreateOnlyOnExistingKey_ConflictIsVisibleOnSpanAndMetric()
    {
        using var durations = new MetricCollector<double>(_services.GetRequiredService<IMeterFactory>(), StorageTelemetry.Name, Duration);
        using var test = Test.StartActivity("conflict")!;
        var content = JsonSerializer.SerializeToElement(new { n = 1 });
        await Storage.WriteAsync("conversation/1", content, WriteCondition.CreateOnly, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => Storage.WriteAsync("conversation/1", content, WriteCondition.CreateOnly, CancellationToken.None));

        var writes = _spans.InTrace(test.TraceId).Where(s => s.Source.Name == StorageTelemetry.Name).ToList();
        Assert.Equal(["ok", "conflict"], writes.Select(s => s.GetTagItem(StorageTelemetry.OutcomeTag)));
        Assert.All(writes, s => Assert.Equal("Memory", s.GetTagItem(StorageTelemetry.BackendTag)));
        Assert.All(writes, s => Assert.Equal(nameof(WriteConditionKind.CreateOnly), s.GetTagItem(StorageTelemetry.ConditionTag)));
        Assert.All(writes, s => Assert.Equal(ActivityStatusCode.Unset, s.Status));
        Assert.Equal(["ok", "conflict"], durations.GetMeasurementSnapshot().Select(m => m.Tags[StorageTelemetry.OutcomeTag]));
    }

    [Fact]
    public async Task ReadAsync_MissingKey_IsNotFoundNotAnError()
    {
        using var durations = new MetricCollector<double>(_services.GetRequiredService<IMeterFactory>(), StorageTelemetry.Name, Duration);

        Assert.Null(await Storage.ReadAsync("conversation/absent", CancellationToken.None));

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("not_found", measurement.Tags[StorageTelemetry.OutcomeTag]);
        Assert.Equal("read", measurement.Tags[StorageTelemetry.OperationTag]);
    }

    [Fact]
    public async Task ListKeysAsync_CallerStopsEarly_EndsAsOk()
    {
        using var durations = new MetricCollector<double>(_services.GetRequiredService<IMeterFactory>(), StorageTelemetry.Name, Duration);
        foreach (var key in new[] { "k/1", "k/2", "k/3" })
        {
            await Storage.WriteAsync(key, JsonSerializer.SerializeToElement(1), WriteCondition.Unconditional, CancellationToken.None);
        }

        await foreach (var key in Storage.ListKeysAsync("k/", CancellationToken.None))
        {
            break;
        }

        var list = Assert.Single(durations.GetMeasurementSnapshot(), m => (string?)m.Tags[StorageTelemetry.OperationTag] == "list");
        Assert.Equal("ok", list.Tags[StorageTelemetry.OutcomeTag]);
    }

    [Fact]
    public async Task WriteAsync_InvalidKey_IsAnError()
    {
        using var durations = new MetricCollector<double>(_services.GetRequiredService<IMeterFactory>(), StorageTelemetry.Name, Duration);

        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => Storage.WriteAsync(string.Empty, JsonSerializer.SerializeToElement(1), WriteCondition.Unconditional, CancellationToken.None));

        Assert.Equal("error", Assert.Single(durations.GetMeasurementSnapshot()).Tags[StorageTelemetry.OutcomeTag]);
    }
}
