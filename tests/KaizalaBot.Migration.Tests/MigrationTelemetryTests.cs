using System.Diagnostics.Metrics;
using KaizalaBot.Migration.Diagnostics;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.PartnerCenter.Diagnostics;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// A migration run is traceable end to end: its span holds a span per step and the Partner Center calls beneath them,
/// every log line written while it runs carries its <c>MigrationId</c>, and the states it enters are counted.
/// </summary>
public sealed class MigrationTelemetryTests
{
    [Fact]
    public async Task Run_WholeMigration_SpansPerStepLogsInItsScopeAndStatesCounted()
    {
        using var spans = new SpanRecorder(MigrationTelemetry.Name, PartnerCenterTelemetry.Name);
        await using var harness = await MigrationHarness.StartAsync();
        using var transitions = new MetricCollector<long>(
            harness.Primary.GetRequiredService<IMeterFactory>(), MigrationTelemetry.Name, "kaizalabot.migration.transitions");
        var source = (await harness.ActiveKaizalaAsync()).MinBy(s => s.AssignedUsers)!;
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 2);

        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;
        var done = await harness.RunToRestAsync(MigrationHarness.Runner(harness.Primary), id);

        Assert.Equal(MigrationState.Completed, done.State);
        Assert.Single(spans.Tagged(MigrationTelemetry.MigrationIdTag, id), s => s.OperationName == "migration.command");
        // The runner comes back to a migration waiting for provisioning: one run span per time it picked it up.
        var runs = spans.Tagged(MigrationTelemetry.MigrationIdTag, id).Where(s => s.OperationName == "migration.run").ToList();
        Assert.NotEmpty(runs);
        var steps = spans.Spans.Where(s => s.OperationName.StartsWith("migration.step", StringComparison.Ordinal) && runs.Any(r => r.SpanId == s.ParentSpanId)).ToList();
        Assert.Equal(
            ["Purchasing", "AwaitingProvisioning", "MovingLicences", "Suspending", "Verifying"],
            steps.OrderBy(s => s.StartTimeUtc).Select(s => (string?)s.GetTagItem(MigrationTelemetry.StepTag)).Distinct());
        Assert.Contains(spans.Spans, s => s.Source.Name == PartnerCenterTelemetry.Name && steps.Any(step => step.SpanId == s.ParentSpanId));

        var runLines = harness.Logs.GetSnapshot().Where(r => r.Category == typeof(MigrationExecutor).FullName).ToList();
        Assert.NotEmpty(runLines);
        Assert.All(runLines, line => Assert.Equal(id, MigrationIdOf(line)));

        var entered = transitions.GetMeasurementSnapshot().Select(m => (string?)m.Tags[MigrationTelemetry.StateTag]).ToList();
        Assert.Equal("Queued", entered[0]);
        Assert.Equal("Completed", entered[^1]);
        Assert.Contains("MovingLicences", entered);
    }

    [Fact]
    public async Task ScanAllAsync_DemoPartner_ScanSpanWithItsCountsAndThePartnerCenterCallsBeneath()
    {
        using var spans = new SpanRecorder(MigrationTelemetry.Name, PartnerCenterTelemetry.Name);
        await using var harness = await MigrationHarness.StartAsync();
        using var durations = new MetricCollector<double>(
            harness.Primary.GetRequiredService<IMeterFactory>(), MigrationTelemetry.Name, "kaizalabot.expiry.scan.duration");

        var result = await harness.Primary.GetRequiredService<ExpiryScanner>().ScanAllAsync(CancellationToken.None).WithinAsync("a scan");

        var scan = Assert.Single(spans.Tagged(MigrationTelemetry.ScanIdTag, result.ScanId));
        Assert.Equal(result.CustomersScanned, scan.GetTagItem("kaizalabot.expiry.customers"));
        Assert.Equal(result.KaizalaCustomers, scan.GetTagItem("kaizalabot.expiry.kaizala_customers"));
        Assert.Contains(spans.InTrace(scan.TraceId), s => s.Source.Name == PartnerCenterTelemetry.Name && s.ParentSpanId == scan.SpanId);
        Assert.Equal(result.Duration.TotalSeconds, Assert.Single(durations.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task Cancel_IdFromACardThatIsNoMigrationId_GoesIntoNoLogOrSpanAsIs()
    {
        using var spans = new SpanRecorder(MigrationTelemetry.Name);
        await using var harness = await MigrationHarness.StartAsync();
        var hostile = "x\r\nforged-line";

        await harness.Service.CancelAsync(hostile, Sellers.French, CancellationToken.None);

        Assert.DoesNotContain(spans.Spans, s => ((string?)s.GetTagItem(MigrationTelemetry.MigrationIdTag))?.Contains("forged", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => MigrationIdOf(r)?.Contains("forged", StringComparison.Ordinal) == true);
    }

    private static string? MigrationIdOf(FakeLogRecord record) =>
        record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(scope => scope)
            .Where(pair => pair.Key == "MigrationId").Select(pair => pair.Value as string).LastOrDefault();
}
