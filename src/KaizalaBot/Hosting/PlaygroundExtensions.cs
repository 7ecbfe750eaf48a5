using KaizalaBot.Playground;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Hosting;

internal static class PlaygroundExtensions
{
    public static WebApplicationBuilder AddLocalPlayground(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlaygroundOptions>()
            .BindConfiguration(PlaygroundOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PlaygroundOptions>, PlaygroundOptionsValidator>();
        builder.Services.AddHostedService<PlaygroundLauncher>();
        return builder;
    }
}
