using System.Diagnostics;
using System.Diagnostics.Metrics;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Jobs;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Migration.Diagnostics;

/// <summary>
/// The migration engine's traces, metrics and logging scope, on <c>System.Diagnostics</c> only (the host picks the
/// exporters): one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>. A runner's
/// work on one migration is a <c>migration.run</c> span with a <c>migration.step</c> span per step; a seller's command
/// is a <c>migration.command</c> span inside the turn that gave it. Each opens a logging scope carrying
/// <c>MigrationId</c>, so every line written meanwhile (Partner Center's, storage's, a proactive turn's) names the migration.
/// The expiry scanner's scans of every customer (what the reminders stand on) are <c>expiry.scan</c> spans.
/// </summary>
public sealed class MigrationTelemetry
{
    public const string Name = "KaizalaBot.Migration";

    internal const string MigrationIdTag = "kaizalabot.migration.id";
    internal const string StateTag = "kaizalabot.migration.state";
    internal const string StepTag = "kaizalabot.migration.step";
    internal const string NextStateTag = "kaizalabot.migration.next_state";
    internal const string CommandTag = "kaizalabot.migration.command";
    internal const string ErrorTypeTag = "error.type";
    internal const string ScanIdTag = "kaizalabot.expiry.scan_id";
    internal const string ReminderOutcomeTag = "kaizalabot.reminder.outcome";

    // Ours are 16 hex digits; room for other schemes, not for a payload.
    private const int MaxIdLength = 64;

    // One per process, as System.Diagnostics intends: a listener subscribes by name, and an ActivitySource holds no state.
    internal static readonly ActivitySource Source = new(Name);

    private readonly ILogger<MigrationTelemetry> _logger;
    private readonly TimeProvider _time;
    private readonly Counter<long> _transitions;
    private readonly Histogram<double> _stepDuration;
    private readonly Histogram<double> _scanDuration;
    private readonly Counter<long> _scanFailures;
    private readonly Counter<long> _reminders;

    public MigrationTelemetry(ILogger<MigrationTelemetry> logger, IMeterFactory meterFactory, TimeProvider time)
    {
        _logger = logger;
        // From the container's factory: the meter lives as long as the container, and a test can observe just its own.
        var meter = meterFactory.Create(Name);
        _time = time;
        _transitions = meter.CreateCounter<long>(
            "kaizalabot.migration.transitions", "{migration}", "Migrations entering a state (kaizalabot.migration.state): queued, running steps, finished, needing attention.");
        _stepDuration = meter.CreateHistogram<double>(
            "kaizalabot.migration.step.duration", "s", "Runner steps by step and outcome (error.type when it did not complete).");
        _scanDuration = meter.CreateHistogram<double>("kaizalabot.expiry.scan.duration", "s", "Completed expiry scans of every customer.");
        _scanFailures = meter.CreateCounter<long>(
            "kaizalabot.expiry.customers_failed", "{customer}", "Customers an expiry scan could not read (their previous index entry is kept).");
        _reminders = meter.CreateCounter<long>(
            "kaizalabot.reminders", "{reminder}", "Expiry reminders shown to a recipient, or given up as undeliverable (kaizalabot.reminder.outcome).");
    }

    /// <summary>
    /// Reminders that reached their end for one recipient (<c>shown</c>, or <c>undeliverable</c>: an alert on the latter
    /// finds sellers who blocked the bot or a channel it left).
    /// </summary>
    internal void RemindersEnded(string outcome, string recipientKind, int count) =>
        _reminders.Add(count, new TagList { { ReminderOutcomeTag, outcome }, { "kaizalabot.reminder.recipient", recipientKind } });

    /// <summary>A migration entered <paramref name="state"/>.</summary>
    public void StateEntered(MigrationState state) => _transitions.Add(1, new TagList { { StateTag, state.ToString() } });

    /// <summary>The runner works on one migration: its span and logging scope, until disposed.</summary>
    public IDisposable StartRun(string migrationId) => Start("migration.run", migrationId, command: null);

    /// <summary>A seller's or approver's command on one migration (<paramref name="command"/> as audited): its span and logging scope.</summary>
    public IDisposable StartCommand(string command, string migrationId) => Start("migration.command", migrationId, command);

    /// <summary>An expiry scan of every customer: its span, with the Partner Center calls beneath it.</summary>
    internal static Activity? StartScan(string scanId)
    {
        var span = Source.StartActivity("expiry.scan");
        span?.SetTag(ScanIdTag, scanId);
        return span;
    }

    /// <summary>A scan completed: its counts on its span, its duration and unreadable customers measured.</summary>
    internal void ScanCompleted(Activity? span, ExpiryScanResult result)
    {
        _scanDuration.Record(result.Duration.TotalSeconds);
        _scanFailures.Add(result.CustomersFailed);
        span?.SetTag("kaizalabot.expiry.customers", result.CustomersScanned);
        span?.SetTag("kaizalabot.expiry.kaizala_customers", result.KaizalaCustomers);
        span?.SetTag("kaizalabot.expiry.customers_failed", result.CustomersFailed);
        span?.SetTag("kaizalabot.expiry.entries_removed", result.EntriesRemoved);
    }

    /// <summary>Runs one step of the job under its span, measuring it and how it ended.</summary>
    internal async Task<MigrationState> TraceStepAsync(MigrationState state, Func<Task<MigrationState>> step)
    {
        using var span = Source.StartActivity("migration.step " + state);
        span?.SetTag(StepTag, state.ToString());
        var started = _time.GetTimestamp();
        string? errorType = null;
        try
        {
            var next = await step();
            span?.SetTag(NextStateTag, next.ToString());
            return next;
        }
        catch (Exception ex)
        {
            // The type only: our own exception types (attention, cancelled, Partner Center, stopping) say what happened.
            errorType = ex.GetType().Name;
            span?.SetTag(ErrorTypeTag, errorType);
            span?.SetStatus(ActivityStatusCode.Error, errorType);
            throw;
        }
        finally
        {
            var tags = new TagList { { StepTag, state.ToString() } };
            if (errorType is not null)
            {
                tags.Add(ErrorTypeTag, errorType);
            }

            _stepDuration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    // A command's migration id comes from a card's data: only what can be one of our ids goes into logs and spans.
    private static string Safe(string migrationId) =>
        migrationId.Length is > 0 and <= MaxIdLength && migrationId.All(char.IsAsciiLetterOrDigit) ? migrationId : "(not a migration id)";

    private MigrationActivity Start(string spanName, string migrationId, string? command)
    {
        migrationId = Safe(migrationId);
        var scope = _logger.BeginScope(new MigrationLogScope(migrationId));
        var span = Source.StartActivity(spanName);
        span?.SetTag(MigrationIdTag, migrationId);
        span?.SetTag(CommandTag, command);
        return new MigrationActivity(span, scope);
    }
}
