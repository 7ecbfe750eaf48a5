using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using KaizalaBot.BotFramework.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.HostileInput;

/// <summary>
/// One run: the bot on loopback Kestrel, a connector sink, the seeded generator's requests fired by concurrent clients,
/// then the verdict (<see cref="HostileRunReport"/>). Everything it starts, it stops; the storage folder is deleted.
/// </summary>
public static partial class HostileRun
{
    /// <summary>How long valid turns may take to reach the sink once every request has been answered.</summary>
    private static readonly TimeSpan ReplyGrace = TimeSpan.FromSeconds(30);

    public static async Task<HostileRunReport> RunAsync(HostileRunSettings settings, TextWriter? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var sink = await ConnectorSink.StartAsync();
        var monitor = new OutboundMonitor(sink.EndPoint);
        var logs = new FakeLogCollector();
        var storage = Directory.CreateTempSubdirectory("kaizalabot-hostile-");
        try
        {
            await using var host = new HostileBotHost(storage.FullName, monitor, logs);
            var server = host.EndPoint;
            var sampler = new ProcessSampler();
            sampler.Sample();

            var outcomes = await FireAsync(settings, new RequestGenerator(settings.Seed, sink.ServiceUrl), server, sampler, progress, cancellationToken);
            var expected = outcomes.Where(o => o.Case.ValidConversationId is not null).Select(o => o.Case.ValidConversationId!).ToList();
            await WaitForRepliesAsync(sink, expected, cancellationToken);
            var (rss, threads) = sampler.Finish();
            return Report(settings, Stopwatch.GetElapsedTime(started), outcomes, sink, monitor, logs, rss, threads);
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    private static async Task<List<(HostileCase Case, RawResponse Response)>> FireAsync(
        HostileRunSettings settings,
        RequestGenerator generator,
        System.Net.IPEndPoint server,
        ProcessSampler sampler,
        TextWriter? progress,
        CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<HostileCase>(settings.Concurrency * 2);
        var outcomes = new ConcurrentBag<(HostileCase, RawResponse)>();
        var producer = Task.Run(
            async () =>
            {
                for (var i = 0; i < settings.Requests; i++)
                {
                    await queue.Writer.WriteAsync(generator.Next(i), cancellationToken);
                }

                queue.Writer.Complete();
            },
            cancellationToken);
        var done = 0;
        var workers = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(
            async () =>
            {
                await foreach (var hostile in queue.Reader.ReadAllAsync(cancellationToken))
                {
                    var response = await RawHttpClient.SendAsync(server, hostile.Request, hostile.Ending, settings.RequestTimeout, cancellationToken);

                    // The request bytes are not kept: the bot runs in this process, and its memory is what RSS should show.
                    outcomes.Add((hostile with { Request = [] }, response));
                    if (Interlocked.Increment(ref done) % 250 == 0)
                    {
                        sampler.Sample();
                        progress?.WriteLine($"  {done} requests");
                    }
                }
            },
            cancellationToken));
        await Task.WhenAll([producer, .. workers]);
        return [.. outcomes.OrderBy(o => o.Item1.Index)];
    }

    // Replies may leave after the HTTP answer; wait for the sink to see each expected conversation, without polling.
    private static async Task WaitForRepliesAsync(ConnectorSink sink, List<string> expected, CancellationToken cancellationToken)
    {
        var remaining = new ConcurrentDictionary<string, byte>(expected.Select(id => KeyValuePair.Create(id, (byte)0)), StringComparer.Ordinal);
        var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAnswered(string conversation)
        {
            if (remaining.TryRemove(conversation, out _) && remaining.IsEmpty)
            {
                allAnswered.TrySetResult();
            }
        }

        sink.ConversationAnswered += OnAnswered;
        try
        {
            foreach (var id in expected.Where(sink.HasAnswered))
            {
                OnAnswered(id);
            }

            if (!remaining.IsEmpty)
            {
                await allAnswered.Task.WaitAsync(ReplyGrace, cancellationToken);
            }
        }
        catch (TimeoutException)
        {
            // Reported as unanswered turns.
        }
        finally
        {
            sink.ConversationAnswered -= OnAnswered;
        }
    }

    private static HostileRunReport Report(
        HostileRunSettings settings,
        TimeSpan duration,
        List<(HostileCase Case, RawResponse Response)> outcomes,
        ConnectorSink sink,
        OutboundMonitor monitor,
        FakeLogCollector logs,
        (long, long, long) rss,
        (int, int, int) threads)
    {
        static string Name(HostileCase c) => $"#{c.Index} {c.Kind} {c.Description}";

        var records = logs.GetSnapshot();
        return new HostileRunReport
        {
            Settings = settings,
            Duration = duration,
            Statuses = outcomes
                .GroupBy(o => o.Case.Kind)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, int>)g.GroupBy(o => o.Response.Status).ToDictionary(s => s.Key, s => s.Count())),
            ServerErrors = [.. outcomes
                .Where(o => o.Response.Status >= 500 && !(o.Response.Status == 501 && o.Case.UnimplementedInvoke))
                .Select(o => $"{Name(o.Case)} → {o.Response.Status}")],
            ExceptionTextResponses = [.. outcomes.Where(o => ResponseCheck.LeaksExceptionText(o.Response.Body)).Select(o => Name(o.Case))],
            TimedOut = [.. outcomes.Where(o => o.Response.TimedOut).Select(o => Name(o.Case))],
            ClosedWithoutAnswer = [.. outcomes.Where(o => o.Response is { Status: 0, TimedOut: false }).Select(o => Name(o.Case))],
            ValidTurnsSent = outcomes.Count(o => o.Case.Kind == CaseKind.ValidTurn || o.Case.ValidConversationId is not null),
            ValidTurnsUnanswered = [.. outcomes
                .Where(o => o.Case.Kind == CaseKind.ValidTurn || o.Case.ValidConversationId is not null)
                .Where(o => o.Response.Status != 200
                    || (o.Case.ValidConversationId is { } id ? !sink.HasAnswered(id) : !o.Response.Body.Contains("\"statusCode\":200", StringComparison.Ordinal)))
                .Select(o => $"{Name(o.Case)} → {o.Response.Status}")],
            SinkConnections = monitor.SinkConnections,
            AllowedElsewhereConnections = monitor.AllowedElsewhere,
            DisallowedConnections = [.. monitor.Disallowed],
            BentPaths = [.. sink.RawTargets.Where(t => !ConnectorPath().IsMatch(t))],
            UnexpectedErrorLogs = [.. records
                .Where(r => r.Level >= LogLevel.Error && r.Exception is not ConnectorException)
                .Select(r => $"{r.Category}: {r.Message} ({r.Exception?.GetType().Name ?? "no exception"})")],
            WarningAndErrorLogs = records
                .GroupBy(r => $"{r.Level} {r.Category}{(r.Exception is { } e ? " (" + e.GetType().Name + ")" : string.Empty)}")
                .ToDictionary(g => g.Key, g => g.Count()),
            RssBytes = rss,
            Threads = threads,
        };
    }

    // What the connector may send to the sink: its serviceUrl path, then exactly one escaped id per segment.
    // (The serviceUrl's own path is the client's to choose, so any prefix of whole segments is fine.)
    [GeneratedRegex(@"^(POST|PUT|DELETE) /(?:[^/?#]+/)*v3/conversations/(?!\.{1,2}/)[^/?#]+/activities(/(?!\.{1,2}$)[^/?#]+)?$")]
    private static partial Regex ConnectorPath();
}
