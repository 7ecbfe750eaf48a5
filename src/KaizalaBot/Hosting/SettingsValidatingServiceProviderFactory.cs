using Microsoft.Extensions.Options;

namespace KaizalaBot.Hosting;

/// <summary>The default container, with the start-up validation of settings run as soon as it is built.</summary>
internal sealed class SettingsValidatingServiceProviderFactory(ServiceProviderOptions options) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services) => services;

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
    {
        var provider = containerBuilder.BuildServiceProvider(options);
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            return provider;
        }
        catch
        {
            // The configuration is registered as a factory so that the provider disposes it (and its file watchers), but
            // only once resolved: the host does this when it is built, so a provider that never becomes a host must too.
            _ = provider.GetService<IConfiguration>();
            provider.Dispose();
            throw;
        }
    }
}
