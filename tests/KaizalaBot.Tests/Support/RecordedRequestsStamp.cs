using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// Stamps every answer of the bot host with <see cref="ConversationBotHost.RecordedRequestsHeader"/>, counted at the
/// moment the answer starts to leave (the last point before its headers are sent).
/// </summary>
internal sealed class RecordedRequestsStamp(Func<int> recordedRequests) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[ConversationBotHost.RecordedRequestsHeader] =
                    recordedRequests().ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return nextMiddleware(context);
        });
        next(app);
    };
}
