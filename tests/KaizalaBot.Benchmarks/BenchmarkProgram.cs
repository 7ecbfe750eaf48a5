using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using KaizalaBot.BotFramework.Schema;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// An explicit entry point rather than top-level statements: the host's own generated Program class must stay the
/// only <c>Program</c> the factory sees.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [var mode, ..] && !mode.StartsWith('-'))
        {
            return await BenchmarkModes.RunAsync(mode, args[1..]);
        }

        // Help-turn throughput and latency through the real /api/messages endpoint: real Kestrel, the host's whole
        // pipeline (auth in development mode, adapter, state, bot, card rendering) and a reply to a loopback connector.
        var settings = BenchmarkSettings.Parse(args);
        Console.WriteLine($"KaizalaBot help-turn benchmark: {settings.Turns} turns, {settings.Concurrency} concurrent sellers, " +
            $"{settings.Warmup} warm-up turns, storage {settings.Storage}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        await using var connector = await LoopbackConnector.StartAsync();
        var storageRoot = Directory.CreateTempSubdirectory("kaizalabot-bench-");
        try
        {
            await using var host = new BenchmarkHost(settings.Storage, storageRoot.FullName);
            using var client = host.CreateClient();

            await RunTurnsAsync(client, connector.ServiceUrl, settings.Warmup, settings.Concurrency);
            connector.Reset();

            var started = Stopwatch.GetTimestamp();
            var latencies = await RunTurnsAsync(client, connector.ServiceUrl, settings.Turns, settings.Concurrency);
            var elapsed = Stopwatch.GetElapsedTime(started);

            latencies.Sort();
            Console.WriteLine($"turns/s   {settings.Turns / elapsed.TotalSeconds,10:F1}");
            Console.WriteLine($"p50 ms    {Percentile(latencies, 0.50),10:F2}");
            Console.WriteLine($"p95 ms    {Percentile(latencies, 0.95),10:F2}");
            Console.WriteLine($"p99 ms    {Percentile(latencies, 0.99),10:F2}");
            Console.WriteLine($"max ms    {latencies[^1],10:F2}");
            Console.WriteLine($"replies   {connector.Received,10} (expected {settings.Turns})");
            return connector.Received == settings.Turns ? 0 : 1;
        }
        finally
        {
            storageRoot.Delete(recursive: true);
        }

        static async Task<List<double>> RunTurnsAsync(HttpClient client, Uri serviceUrl, int turns, int concurrency)
        {
            var latencies = new List<double>(turns);
            var next = -1;
            var workers = Enumerable.Range(0, concurrency).Select(async worker =>
            {
                var mine = new List<double>();
                while (Interlocked.Increment(ref next) < turns)
                {
                    var activity = HelpTurn(serviceUrl, worker);
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.PostAsJsonAsync("/api/messages", activity, BotJson.Options);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"A help turn answered {(int)response.StatusCode}.");
                    }
                }

                return mine;
            });
            foreach (var result in await Task.WhenAll(workers))
            {
                latencies.AddRange(result);
            }

            return latencies;
        }

        static Activity HelpTurn(Uri serviceUrl, int seller) => new()
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            Text = "help",
            ChannelId = Channels.Msteams,
            ServiceUrl = serviceUrl.ToString(),
            Locale = seller % 2 == 0 ? "en-US" : "fr-FR",
            From = new ChannelAccount { Id = $"29:seller-{seller}", AadObjectId = $"aad-seller-{seller}" },
            Recipient = new ChannelAccount { Id = "28:kaizalabot" },
            Conversation = new ConversationAccount { Id = $"a:bench-{seller}", ConversationType = "personal", TenantId = "bench-tenant" },
        };

        static double Percentile(List<double> sorted, double p) =>
            sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    }
}
