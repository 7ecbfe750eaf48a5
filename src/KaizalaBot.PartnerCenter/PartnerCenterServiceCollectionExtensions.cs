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
        services.TryAddSingleton<PartnerCenterApiAddress>();

        services.AddHttpClient(PartnerCenterTokenProvider.HttpClientName);
        services.TryAddSingleton<IPartnerCenterClient, PartnerCenterClient>();
        services.AddHttpClient(ApiHttpClientName, (provider, client) =>
        {
            var address = provider.GetRequiredService<PartnerCenterApiAddress>();
            client.BaseAddress = address.BaseAddress;
            client.DefaultRequestHeaders.UserAgent.Add(address.UserAgent);

            // The resilience pipeline times out each attempt on the injected TimeProvider; HttpClient's own
            // 100-second timeout would race it on the wall clock.
            client.Timeout = Timeout.InfiniteTimeSpan;
        })

            // The client logs each failed call itself (method, path, status, code, correlation and request ids) and traces
            // every call as a span; the factory's default handlers added a logging scope to every call and Information
            // lines the host's settings turn off (System.Net.Http.HttpClient at Warning).
            .RemoveAllLoggers()
            .AddResilienceHandler(ApiHttpClientName, (builder, context) =>
                context.ServiceProvider.GetRequiredService<PartnerCenterResilience>().Configure(builder));

        // Added after the resilience handler, so it runs inside it: once per attempt.
        services.AddHttpClient(ApiHttpClientName).AddHttpMessageHandler<PartnerCenterAuthenticationHandler>();
        return services;
    }
}
