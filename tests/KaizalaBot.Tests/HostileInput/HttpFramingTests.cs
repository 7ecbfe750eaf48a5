using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.HostileInput;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.Tests.HostileInput;

/// <summary>
/// Broken HTTP framing on <c>/api/messages</c>, through real Kestrel and a bare socket (HttpClient refuses to send such
/// requests): the caller gets 400 (bad chunks), 408 (a body that stops short while the connection stays open) or 413,
/// never a 500; no turn runs, and nothing is logged as our error.
/// </summary>
public sealed class HttpFramingTests : IAsyncLifetime
{
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(30);

    private readonly FakeLogCollector _logs = new();
    private RecordingConnectorServer _connector = null!;
    private LoggingKestrelBotHost _host = null!;
    private IPEndPoint _server = null!;
    private byte[] _activity = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnectorServer.StartAsync();
        _host = new LoggingKestrelBotHost(_logs);
        _server = _host.EndPoint;
        _activity = await JsonContent.Create(new TeamsActivities(new Uri(_connector.ServiceUrl)).Message("help"), options: BotJson.Options).ReadAsByteArrayAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task WellFramedRequest_OverTheRawClient_IsAnsweredAndRuns()
    {
        var response = await SendAsync(HttpRequestBytes.Post(_activity));

        Assert.Equal(200, response.Status);
        Assert.Single(_connector.SentMessages());
    }

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n")]
    [InlineData("7fffffffffffffffff\r\n{}\r\n0\r\n\r\n")]
    [InlineData("zz\r\n{}\r\n0\r\n\r\n")]
    [InlineData("-2\r\n{}\r\n0\r\n\r\n")]
    [InlineData("2\r\n{}XX0\r\n\r\n")]
    [InlineData("2\n{}\n0\n\n")]
    public async Task ChunkedBody_WithBrokenFraming_Is400AndNoTurnRuns(string chunks)
    {
        var response = await SendAsync(HttpRequestBytes.PostChunked(chunks));

        Assert.Equal(400, response.Status);
        Assert.Empty(_connector.Requests);
        AssertNoErrorLogged();
    }

    [Fact]
    public async Task BodyStoppingShort_WhileTheConnectionStaysOpen_Is408ForContentLengthAndChunked()
    {
        var half = _activity.Length / 2;
        var unfinishedChunks = HttpRequestBytes.PostChunked(
            $"{half.ToString("x", CultureInfo.InvariantCulture)}\r\n{Encoding.UTF8.GetString(_activity[..half])}\r\n");

        // Both wait out Kestrel's minimum request body data rate (its 5-second grace), so they wait together.
        var responses = await Task.WhenAll(
            SendAsync(HalfOfTheDeclaredBody(), RequestEnding.Stall),
            SendAsync(unfinishedChunks, RequestEnding.Stall));

        Assert.All(responses, r => Assert.Equal(408, r.Status));
        Assert.Empty(_connector.Requests);
        AssertNoErrorLogged();
    }

    [Fact]
    public async Task BodyStoppingShort_ThenTheCallerClosing_RunsNothingAndLogsNoError()
    {
        // Kestrel takes the client's FIN as the end of the connection, so no answer can be delivered; what matters is
        // that nothing runs and that the log does not call it our fault.
        var response = await SendAsync(HalfOfTheDeclaredBody(), RequestEnding.HalfClose);

        Assert.Equal(0, response.Status);
        Assert.False(response.TimedOut);
        Assert.Empty(_connector.Requests);
        AssertNoErrorLogged();
    }

    [Fact]
    public async Task DeclaredLengthOverTheLimit_Is413WithoutReadingTheBody()
    {
        var request = HttpRequestBytes.Concat(
            HttpRequestBytes.Head("POST", ["Content-Type: application/json", "Content-Length: 104857600"]), _activity);

        var response = await SendAsync(request);

        Assert.Equal(413, response.Status);
        Assert.Empty(_connector.Requests);
    }

    private byte[] HalfOfTheDeclaredBody() => HttpRequestBytes.Concat(
        HttpRequestBytes.Head("POST", ["Content-Type: application/json", $"Content-Length: {_activity.Length}"]), _activity[..(_activity.Length / 2)]);

    private Task<RawResponse> SendAsync(byte[] request, RequestEnding ending = RequestEnding.Complete) =>
        RawHttpClient.SendAsync(_server, request, ending, AnswerBound, CancellationToken.None);

    private void AssertNoErrorLogged() =>
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Error);

    private sealed class LoggingKestrelBotHost(FakeLogCollector logs) : KestrelBotHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)));
        }
    }
}
