using System.Net;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Hosting;

public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly BotHostFactory _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Get_HealthyHost_Answers200Healthy(string path)
    {
        using var client = _host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task MessagesEndpoint_OtherThanPost_Is405(string method)
    {
        using var client = _host.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"text":"no type"}""")]
    public async Task MessagesEndpoint_MalformedActivity_Is400(string body)
    {
        using var client = _host.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MessagesEndpoint_OversizedBody_Is413()
    {
        using var client = _host.CreateClient();
        var huge = $$"""{"type":"message","text":"{{new string('x', 300 * 1024)}}"}""";

        var response = await client.PostAsync("/api/messages", new StringContent(huge, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
