using KaizalaBot.PartnerCenter.Authentication;
using KaizalaBot.Testing.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.PartnerCenter.Tests.Fakes;

// The real DI registration with the stub handler as primary handler and the virtual clock.
internal sealed class PartnerCenterTestHost : IDisposable
{
    public const string Endpoint = "https://pc.example.test";
    public const string Authority = "https://login.example.test";
    public const string TenantId = "partner-tenant";

    private readonly ServiceProvider _provider;

    public PartnerCenterTestHost(Action<IDictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PartnerCenter:Endpoint"] = Endpoint,
            ["PartnerCenter:Authority"] = Authority,
            ["PartnerCenter:PartnerTenantId"] = TenantId,
            ["PartnerCenter:ApplicationId"] = "app-id",
            ["PartnerCenter:ApplicationSecret"] = "app-secret",
            ["PartnerCenter:RefreshToken"] = "initial-refresh",
            ["PartnerCenter:Locale"] = "fr-FR",
            ["PartnerCenter:Retry:MaxRetryAttempts"] = "3",
            ["PartnerCenter:Retry:BaseDelay"] = "00:00:02",
            ["PartnerCenter:Retry:AttemptTimeout"] = "00:10:00",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPartnerCenterClient(configuration);
        services.AddHttpClient(PartnerCenterServiceCollectionExtensions.ApiHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Handler);
        services.AddHttpClient(PartnerCenterTokenProvider.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Handler);
        _provider = services.BuildServiceProvider(validateScopes: true);
    }

    public StubHttpMessageHandler Handler { get; } = new();

    public TrackingFakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    public IPartnerCenterClient Client => _provider.GetRequiredService<IPartnerCenterClient>();

    public IRefreshTokenStore RefreshTokens => _provider.GetRequiredService<IRefreshTokenStore>();

    internal PartnerCenterTokenProvider Tokens => _provider.GetRequiredService<PartnerCenterTokenProvider>();

    public void Dispose() => _provider.Dispose();
}
