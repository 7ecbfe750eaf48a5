using Azure.Storage;
using Azure.Storage.Sas;
using KaizalaBot.Testing.Azurite;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Reliability;

/// <summary>
/// Azurite without ETags, to show what the shared-store harness catches: a loopback proxy in front of it that drops the
/// <c>If-Match</c> and <c>If-None-Match</c> conditions of every request, so each write wins whatever it read (last writer
/// wins). The bots reach it with an account SAS, which signs the URL rather than those headers (a shared-key signature
/// covers them and Azurite would refuse the altered request).
/// </summary>
internal sealed class ConditionStrippingProxy : IAsyncDisposable
{
    private readonly HttpClient _upstream;
    private LoopbackWebServer? _server;
    private int _stripped;

    private ConditionStrippingProxy(Uri azurite)
    {
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(azurite.GetLeftPart(UriPartial.Authority) + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Requests that carried a condition the proxy dropped.</summary>
    public int Stripped => Volatile.Read(ref _stripped);

    /// <summary>A connection string through this proxy, authorised by an account SAS valid for the run.</summary>
    public string ConnectionString { get; private set; } = "";

    public static async Task<ConditionStrippingProxy> StartAsync(AzuriteFixture azurite)
    {
        var proxy = new ConditionStrippingProxy(azurite.BlobEndpoint);
        proxy._server = await LoopbackWebServer.StartAsync(app => app.Run(proxy.ForwardAsync));
        var sas = new AccountSasBuilder(AccountSasPermissions.All, DateTimeOffset.UtcNow.AddHours(4), AccountSasServices.Blobs, AccountSasResourceTypes.All)
            .ToSasQueryParameters(new StorageSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey));
        proxy.ConnectionString = $"BlobEndpoint={new Uri(proxy._server.BaseAddress, AzuriteFixture.AccountName)};SharedAccessSignature={sas}";
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var body = await HttpForwarding.ReadBodyAsync(context.Request, context.RequestAborted);
        using var outbound = HttpForwarding.Outbound(context.Request, body);
        // Both removed, whichever the request had (| rather than ||).
        if (outbound.Headers.Remove("If-Match") | outbound.Headers.Remove("If-None-Match"))
        {
            Interlocked.Increment(ref _stripped);
        }

        using var response = await _upstream.SendAsync(outbound, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
        await HttpForwarding.AnswerAsync(context, response, await response.Content.ReadAsByteArrayAsync(context.RequestAborted));
    }
}
