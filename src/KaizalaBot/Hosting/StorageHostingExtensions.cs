using KaizalaBot.Storage;

namespace KaizalaBot.Hosting;

internal static class StorageHostingExtensions
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddKaizalaStorage(builder.Configuration);
        return builder;
    }
}
