using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace KaizalaBot.BotFramework.Authentication;

/// <summary>
/// Wraps the OpenID retriever so a caller can await the NEXT retrieval. Microsoft.IdentityModel 8.x refreshes in the
/// background after <c>RequestRefresh()</c> (unless the process-wide <c>Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking</c>
/// is set), so <c>GetConfigurationAsync</c> right after it still returns the stale keys; this lets the forced refresh on
/// an unknown <c>kid</c> wait for the fresh document in either mode.
/// </summary>
internal sealed class NotifyingConfigurationRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<OpenIdConnectConfiguration> _next = NewSource();

    public Task<OpenIdConnectConfiguration> NextRetrieval
    {
        get
        {
            lock (_gate)
            {
                return _next.Task;
            }
        }
    }

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(
        string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        TaskCompletionSource<OpenIdConnectConfiguration> completed;
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, cancel).ConfigureAwait(false);
            completed = Swap();
            completed.SetResult(configuration);
            return configuration;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidOperationException or ArgumentException
            or System.Text.Json.JsonException or OperationCanceledException)
        {
            completed = Swap();
            completed.SetException(ex);
            throw;
        }
    }

    private TaskCompletionSource<OpenIdConnectConfiguration> Swap()
    {
        lock (_gate)
        {
            var current = _next;
            _next = NewSource();
            return current;
        }
    }

    private static TaskCompletionSource<OpenIdConnectConfiguration> NewSource() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
