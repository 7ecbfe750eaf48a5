namespace KaizalaBot.Hosting;

internal static class SettingsValidationExtensions
{
    /// <summary>
    /// Checks every settings section registered with <c>ValidateOnStart</c> while the app is built rather than when it
    /// starts: invalid settings make <c>Build()</c> throw the options message naming the key, before a host exists.
    /// </summary>
    /// <remarks>
    /// The host's start checks the same settings, but a start that fails there is disposed by <c>Run</c> before its
    /// exception surfaces, and whoever already holds the built host meets a disposed provider instead of the message:
    /// WebApplicationFactory reads the host's services to wait for the start, from another thread, and reported
    /// <see cref="ObjectDisposedException"/> about one run in ten under load (dotnet/aspnetcore#38335: the entry point
    /// runs in parallel with the factory). Failing inside <c>Build()</c> hands no host to anyone.
    /// </remarks>
    public static WebApplicationBuilder ValidateSettingsOnBuild(this WebApplicationBuilder builder)
    {
        // The same provider options WebApplicationBuilder uses by default: scopes and the graph checked in Development.
        var development = builder.Environment.IsDevelopment();
        builder.Host.UseServiceProviderFactory(new SettingsValidatingServiceProviderFactory(
            new ServiceProviderOptions { ValidateScopes = development, ValidateOnBuild = development }));
        return builder;
    }
}
