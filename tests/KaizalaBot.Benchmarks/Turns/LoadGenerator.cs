using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// Simulated sellers posting to <c>/api/messages</c> of another process: each walks its conversation strictly in order
/// (the next activity only once the previous one is answered), then starts the walk again in a new conversation, until
/// the run's turns are spent. It times every turn from the request to the last byte of the answer, the bot's reply to the
/// connector included (the bot sends it before it answers), and reads the process's CPU and peak memory around the run.
/// </summary>
internal sealed class LoadGenerator(HttpClient http, LoopbackConnector connector)
{
    private static readonly MediaTypeHeaderValue Json = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private int _walks;

    /// <summary>
    /// Runs <paramref name="turns"/> turns of <paramref name="scenario"/> by <paramref name="sellers"/> sellers. When
    /// <paramref name="transcript"/> is empty, the first walk completed by seller 0 is recorded into it.
    /// </summary>
    public Task<Measurement> RunAsync(
        ServedProcess target, Scenario scenario, int sellers, int turns, List<Activity>? transcript, CancellationToken cancellationToken) =>
        RunAsync(target, scenario, sellers, turns, transcript, measure: true, cancellationToken);

    /// <summary>Turns that only warm the process up (JIT, pools, caches): nothing is measured.</summary>
    public Task<Measurement> WarmAsync(
        ServedProcess target, Scenario scenario, int sellers, int turns, List<Activity>? transcript, CancellationToken cancellationToken) =>
        RunAsync(target, scenario, sellers, turns, transcript, measure: false, cancellationToken);

    /// <summary>
    /// One walk of seller 0 in a new conversation, choosing <paramref name="customer"/> when given, outside any
    /// measurement: the last card answered, and what broke the walk if something did.
    /// </summary>
    public async Task<(JsonElement? LastCard, string? Error)> ProbeAsync(
        ServedProcess target, Scenario scenario, WalkCustomer? customer, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _walks);
        var walk = new WalkContext(new Seller(0), $"a:bench-probe-{number}", number, connector.ServiceUrl, scenario.NewUserPerWalk) { Customer = customer };
        try
        {
            foreach (var step in scenario.Steps)
            {
                walk.LastCard = await TurnAsync(target, step.Next(walk), [], cancellationToken);
            }

            return (walk.LastCard, null);
        }
        catch (Exception ex) when (ex is WalkBrokenException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (walk.LastCard, ex.Message);
        }
        finally
        {
            connector.Forget(walk.ConversationId);
        }
    }

    private async Task<Measurement> RunAsync(
        ServedProcess target, Scenario scenario, int sellers, int turns, List<Activity>? transcript, bool measure, CancellationToken cancellationToken)
    {
        var run = new RunState(turns);
        ProcFs.ResetPeakRss(target.Pid);
        var allocations = measure ? await AllocationMeter.StartAsync(target.Pid, cancellationToken) : null;
        var cpuBefore = ProcFs.CpuTime(target.Pid);
        var started = Stopwatch.GetTimestamp();
        var latencies = await Task.WhenAll(Enumerable.Range(0, sellers).Select(index =>
            Task.Run(() => SellerAsync(target, scenario, new Seller(index), sellers, run, transcript, cancellationToken), cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = ProcFs.CpuTime(target.Pid) - cpuBefore;
        var gc = allocations is null ? GcFigures.None : await allocations.StopAsync(cancellationToken);

        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        return new Measurement(sorted.Length, elapsed, cpu, sorted, run.Errors, run.WalksDone, ProcFs.PeakRss(target.Pid), run.FirstError)
        {
            AllocatedBytes = gc.AllocatedBytes,
            Collections = gc.Collections,
            GcPauseMilliseconds = gc.PauseMilliseconds,
            MaxGcPauseMilliseconds = gc.MaxPauseMilliseconds,
        };
    }

    private async Task<List<double>> SellerAsync(
        ServedProcess target, Scenario scenario, Seller seller, int sellers, RunState run, List<Activity>? transcript, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        for (var sellerWalk = 0; run.HasTurnsLeft; sellerWalk++)
        {
            var number = Interlocked.Increment(ref _walks);
            var walk = new WalkContext(seller, $"a:bench-{number}", number, connector.ServiceUrl, scenario.NewUserPerWalk)
            {
                Sellers = sellers,
                SellerWalk = sellerWalk,
            };
            List<Activity>? recording = transcript is { Count: 0 } && seller.Index == 0 ? [] : null;
            try
            {
                foreach (var step in scenario.Steps)
                {
                    if (!run.TakeTurn())
                    {
                        return latencies;
                    }

                    var activity = step.Next(walk);
                    recording?.Add(activity);
                    walk.LastCard = await TurnAsync(target, activity, latencies, cancellationToken);
                }

                if (!scenario.IsDone(walk.LastCard))
                {
                    throw new WalkBrokenException($"The {scenario.Name} walk did not end on the card it should.");
                }

                run.WalkDone();
                if (recording is not null)
                {
                    lock (transcript!)
                    {
                        if (transcript.Count == 0)
                        {
                            transcript.AddRange(recording);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is WalkBrokenException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The walk is abandoned; the seller starts a new one, as a seller would after an apology.
                run.Failed(ex.Message);
            }
            finally
            {
                connector.Forget(walk.ConversationId);
            }
        }

        return latencies;
    }

    /// <summary>One turn; returns the card the bot answered with (in the invoke answer, else the last it posted).</summary>
    private async Task<JsonElement?> TurnAsync(ServedProcess target, Activity activity, List<double> latencies, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options));
        content.Headers.ContentType = Json;
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync(new Uri(target.BaseAddress, "api/messages"), content, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new WalkBrokenException($"A {activity.Type} turn of {target.Name} answered {(int)response.StatusCode}.");
        }

        var posted = connector.TakeCard(activity.Conversation!.Id!);
        return InvokeCard(answer) ?? posted;
    }

    // An Action.Execute answer: {"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{card}}.
    private static JsonElement? InvokeCard(byte[] answer)
    {
        if (answer.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(answer);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("type", out var type) && type.ValueEquals(ContentTypes.AdaptiveCard)
            && root.TryGetProperty("value", out var card)
                ? card.Clone()
                : null;
    }

    /// <summary>The turns left to spend and what the sellers ran into, shared by the sellers of one run.</summary>
    private sealed class RunState(int turns)
    {
        private int _remaining = turns;
        private int _errors;
        private int _walksDone;
        private string? _firstError;

        public bool HasTurnsLeft => Volatile.Read(ref _remaining) > 0;

        public int Errors => Volatile.Read(ref _errors);

        public int WalksDone => Volatile.Read(ref _walksDone);

        public string? FirstError => Volatile.Read(ref _firstError);

        public bool TakeTurn() => Interlocked.Decrement(ref _remaining) >= 0;

        public void WalkDone() => Interlocked.Increment(ref _walksDone);

        public void Failed(string message)
        {
            Interlocked.Increment(ref _errors);
            Interlocked.CompareExchange(ref _firstError, message, null);
        }
    }
}
