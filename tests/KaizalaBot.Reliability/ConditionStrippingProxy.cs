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
/// wins), and (each asked for) without leases: it answers every lease request itself as granted, so each instance believes it
/// holds every lease. The bots reach it with an account SAS, which signs the URL rather than those headers (a shared-key
/// signature covers them and Azurite would refuse the altered request).
/// </summary>
internal sealed class ConditionStrippingProxy : IAsyncDisposable
{
    private readonly HttpClient _upstream;
    private readonly bool _dropConditions;
    private readonly bool _grantLeases;
    private LoopbackWebServer? _server;
    private int _stripped;
    private int _leasesGranted;

    private ConditionStrippingProxy(Uri azurite, bool dropConditions, bool grantLeases)
    {
        (_dropConditions, _grantLeases) = (dropConditions, grantLeases);
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(azurite.GetLeftPart(UriPartial.Authority) + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Requests that carried a condition the proxy dropped.</summary>
    public int Stripped => Volatile.Read(ref _stripped);

    /// <summary>Lease requests (acquire, renew, release) the proxy answered as granted without asking Azurite.</summary>
    public int LeasesGranted => Volatile.Read(ref _leasesGranted);

    /// <summary>A connection string through this proxy, authorised by an account SAS valid for the run.</summary>
    public string ConnectionString { get; private set; } = "";

    public static async Task<ConditionStrippingProxy> StartAsync(AzuriteFixture azurite, bool dropConditions, bool grantLeases)
    {
        var proxy = new ConditionStrippingProxy(azurite.BlobEndpoint, dropConditions, grantLeases);
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
        if (_grantLeases && context.Request.Headers["x-ms-lease-action"] is [{ } action])
        {
            GrantLease(context, action);
            return;
        }

        var body = await HttpForwarding.ReadBodyAsync(context.Request, context.RequestAborted);
        using var outbound = HttpForwarding.Outbound(context.Request, body);
        // Both removed, whichever the request had (| rather than ||).
        if (_dropConditions && (outbound.Headers.Remove("If-Match") | outbound.Headers.Remove("If-None-Match")))
        {
            Interlocked.Increment(ref _stripped);
        }

        using var response = await _upstream.SendAsync(outbound, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
        await HttpForwarding.AnswerAsync(context, response, await response.Content.ReadAsByteArrayAsync(context.RequestAborted));
    }

    /// <summary>What Blob storage answers a lease request that succeeds (Get Blob lease: 201 on acquire, 200 otherwise).</summary>
    private void GrantLease(HttpContext context, string action)
    {
        Interlocked.Increment(ref _leasesGranted);
        var response = context.Response;
        response.StatusCode = action == "acquire" ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        response.Headers.ETag = "\"0x8DD0000000000001\"";
        response.Headers.LastModified = DateTimeOffset.UtcNow.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        response.Headers["x-ms-version"] = context.Request.Headers["x-ms-version"];
        if (action != "release")
        {
            response.Headers["x-ms-lease-id"] = action == "acquire" ? context.Request.Headers["x-ms-proposed-lease-id"] : context.Request.Headers["x-ms-lease-id"];
        }
    }
}
