using System.Net.Http.Headers;
using KaizalaBot.PartnerCenter.Authentication;
using KaizalaBot.PartnerCenter.Diagnostics;
using KaizalaBot.PartnerCenter.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter;

public static class PartnerCenterServiceCollectionExtensions
{
    internal const string ApiHttpClientName = "KaizalaBot.PartnerCenter.Api";

    /// <summary>
    /// Registers <see cref="IPartnerCenterClient"/> bound to the "PartnerCenter" section of
    /// <paramref name="configuration"/> (the root configuration), validated at start-up.
    /// Replace <see cref="IRefreshTokenStore"/> to persist the rotated refresh token.
    /// </summary>
    public static IServiceCollection AddPartnerCenterClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PartnerCenterOptions>()
            .Bind(configuration.GetSection(PartnerCenterOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PartnerCenterOptions>, PartnerCenterOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRefreshTokenStore, InMemoryRefreshTokenStore>();
        services.TryAddSingleton<PartnerCenterTokenProvider>();
        services.TryAddSingleton<PartnerCenterResilience>();
        services.AddMetrics();
        services.TryAddSingleton<PartnerCenterTelemetry>();
        services.TryAddTransient<PartnerCenterAuthenticationHandler>();

        services.AddHttpClient(PartnerCenterTokenProvider.HttpClientName);
        services.TryAddSingleton<IPartnerCenterClient, PartnerCenterClient>();
        services.AddHttpClient(ApiHttpClientName, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<PartnerCenterOptions>>().Value;
            client.BaseAddress = new Uri(options.Endpoint!.ToString().TrimEnd('/') + "/v1/");
            client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("KaizalaBot", "1.0"));

            // The resilience pipeline times out each attempt on the injected TimeProvider; HttpClient's own
            // 100-second timeout would race it on the wall clock.
            client.Timeout = Timeout.InfiniteTimeSpan;
        })
            .AddResilienceHandler(ApiHttpClientName, (builder, context) =>
                context.ServiceProvider.GetRequiredService<PartnerCenterResilience>().Configure(builder));

        // Added after the resilience handler, so it runs inside it: once per attempt.
        services.AddHttpClient(ApiHttpClientName).AddHttpMessageHandler<PartnerCenterAuthenticationHandler>();
        return services;
    }
}
