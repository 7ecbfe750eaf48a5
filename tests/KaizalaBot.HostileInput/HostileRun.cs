using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using System.Text;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.HostileInput;

/// <summary>
/// One run: the bot on loopback Kestrel, a connector sink and a Partner Center sink, two migrations of another seller and
/// <see cref="DialogConversations"/> migration dialogs under way, the seeded generator's requests
/// fired by concurrent clients, then the verdict (<see cref="HostileRunReport"/>). Everything it starts, it stops; the storage folder is deleted.
/// </summary>
public static partial class HostileRun
{
    /// <summary>Conversations where the listed seller keeps a migration dialog under way for forged clicks to meet.</summary>
    public const int DialogConversations = 8;

    /// <summary>How long valid turns may take to reach the sink once every request has been answered.</summary>
    private static readonly TimeSpan ReplyGrace = TimeSpan.FromSeconds(30);

    public static async Task<HostileRunReport> RunAsync(HostileRunSettings settings, TextWriter? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var sink = await ConnectorSink.StartAsync();
        await using var partnerCenter = await PartnerCenterSink.StartAsync();
        var monitor = new OutboundMonitor(sink.EndPoint);
        var logs = new FakeLogCollector();
        var storage = Directory.CreateTempSubdirectory("kaizalabot-hostile-");
        try
        {
            await using var host = new HostileBotHost(storage.FullName, monitor, logs, partnerCenter.BaseAddress);
            var server = host.EndPoint;
            var migrations = await SeedOtherSellersMigrationsAsync(host.Services.GetRequiredService<MigrationStore>(), cancellationToken);
            var dialogs = await OpenDialogsAsync(server, sink, settings, cancellationToken);
            var sampler = new ProcessSampler();
            sampler.Sample();

            var generator = new RequestGenerator(settings.Seed, sink.ServiceUrl, sink.StampOf, migrations);
            var outcomes = await FireAsync(settings, generator, server, sink, sampler, progress, cancellationToken);
            var expected = outcomes.Where(o => o.Case.ValidConversationId is not null).Select(o => o.Case.ValidConversationId!).ToList();
            await WaitForRepliesAsync(sink, expected, cancellationToken);
            var (rss, threads) = sampler.Finish();
            return Report(settings, Stopwatch.GetElapsedTime(started), outcomes, sink, monitor, logs, rss, threads) with
            {
                DialogsOpened = dialogs,
                PartnerCenterTokenRequests = partnerCenter.TokenRequests,
                PartnerCenterReads = partnerCenter.Reads,
                PartnerCenterWrites = [.. partnerCenter.Writes],
            };
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Two finished migrations of another seller of the partner (one completed, one cancelled: states where no click
    /// can start Partner Center work, so any write the run sees is a forgery's doing), whose ids forged clicks name.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SeedOtherSellersMigrationsAsync(MigrationStore store, CancellationToken cancellationToken)
    {
        var owner = new SellerIdentity(CardPayloadGenerator.PartnerTenantId, CardPayloadGenerator.OtherSellerAadObjectId, "Other Seller");
        var created = DateTimeOffset.Parse("2026-11-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        string[] ids = ["0ddba11c0ffee001", "0ddba11c0ffee002"];
        MigrationState[] states = [MigrationState.Completed, MigrationState.Cancelled];
        MigrationUser[] users = [new("user-1", "adele@contoso.example", "Adele Vance"), new("user-2", "alex@contoso.example", "Alex Wilber")];
        foreach (var (id, state) in ids.Zip(states))
        {
            await store.CreateAsync(
                new MigrationRecord
                {
                    Id = id, CorrelationId = Guid.NewGuid(), CustomerId = "customer-of-other-seller", CustomerName = "Contoso",
                    SourceSubscriptionId = "sub-kaizala", PlanId = "plan-e3", TargetSkuId = "sku-e3", KaizalaSkuId = "sku-kaizala",
                    PurchaseKind = PurchaseKind.NewSubscription, LicenceCount = users.Length, UserCount = users.Length, Country = "FR",
                    RequestedBy = owner, State = state, CreatedAt = created, UpdatedAt = created, FinishedAt = created.AddHours(1),
                },
                cancellationToken);

            // Written with the record at confirmation, as the engine does: the migration's card lists its users' outcomes.
            await store.WriteSelectionAsync(new MigrationSelection(id, users), cancellationToken);
        }

        return ids;
    }

    /// <summary>The listed seller's <c>migrate</c> in each dialog conversation; returns how many showed their first card.</summary>
    private static async Task<int> OpenDialogsAsync(System.Net.IPEndPoint server, ConnectorSink sink, HostileRunSettings settings, CancellationToken cancellationToken)
    {
        var conversations = Enumerable.Range(0, DialogConversations).Select(CardPayloadGenerator.DialogConversationId).ToList();
        foreach (var (conversation, number) in conversations.Select((c, i) => (c, i)))
        {
            var turn = CardPayloadGenerator.AsSeller(RequestGenerator.TemplateActivity(sink.ServiceUrl, -1 - number), conversation);
            turn["text"] = "migrate";
            var request = HttpRequestBytes.Post(Encoding.UTF8.GetBytes(turn.ToJsonString(RequestGenerator.Json)));
            await RawHttpClient.SendAsync(server, request, RequestEnding.Complete, settings.RequestTimeout, cancellationToken);
        }

        await WaitForRepliesAsync(sink, conversations, cancellationToken);
        return conversations.Count(c => sink.StampOf(c) is not null);
    }

    private static async Task<List<(HostileCase Case, RawResponse Response)>> FireAsync(
        HostileRunSettings settings,
        RequestGenerator generator,
        System.Net.IPEndPoint server,
        ConnectorSink sink,
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
                    if (hostile.DialogConversationId is { } dialog)
                    {
                        sink.RememberStamp(dialog, response.Body);
                    }

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
            UndocumentedAnswers = [.. outcomes
                .Where(o => o.Case.DocumentedStatuses is { } documented && !documented.Contains(o.Response.Status))
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
