using System.Reflection;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using KaizalaBot.BotFramework.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KaizalaBot.Hosting;

/// <summary>
/// Wires the OpenTelemetry SDK to what the libraries emit through <c>System.Diagnostics</c> (every
/// <c>ActivitySource</c> and <c>Meter</c> named <c>KaizalaBot.*</c>), plus ASP.NET Core and HttpClient, and exports
/// traces, metrics and logs (with their scopes) by OTLP when an endpoint is configured and to Azure Monitor when a
/// connection string is. Both may be on at once: each gets everything (Azure Monitor's sampling applies to both).
/// With neither, the SDK is not registered at all: no exporter, no listener, no connection, and the libraries' spans
/// cost nothing because nobody listens.
/// </summary>
internal static class TelemetryExtensions
{
    public const string ServiceName = "KaizalaBot";

    // What the libraries (and the host's own future sources, e.g. the reminders) are named after.
    private static readonly string[] OurSources = [ServiceName, ServiceName + ".*"];

    // The distro turns URL query redaction off unless told otherwise; a query (a customer search's name prefix, say)
    // is data the spans must not carry.
    private static readonly string[] QueryRedactionSwitches =
    [
        "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION",
        "OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION",
    ];

    // Probes that would fill traces with noise: every load balancer's health checks.
    private static readonly PathString[] UntracedPaths = ["/healthz", "/readyz"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<OpenTelemetryOptions>().BindConfiguration(OpenTelemetryOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OpenTelemetryOptions>, OpenTelemetryOptionsValidator>();

        var otlp = configuration.GetSection(OpenTelemetryOptions.Section).Get<OpenTelemetryOptions>()?.Otlp ?? new OtlpOptions();
        var otlpEndpoint = OtlpEndpoint(otlp);
        var standardOtlp = otlpEndpoint is null && !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var azureMonitor = !string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"])
            || !string.IsNullOrWhiteSpace(configuration["AzureMonitor:ConnectionString"]);
        if (otlpEndpoint is null && !standardOtlp && !azureMonitor)
        {
            return builder;
        }

        var version = typeof(TelemetryExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(ServiceName, serviceVersion: version)
                .AddEnvironmentVariableDetector())   // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over the defaults
            .WithTracing(tracing => tracing.AddSource(OurSources))
            .WithMetrics(metrics => metrics.AddMeter(OurSources))
            .WithLogging();
        builder.Services.Configure<OpenTelemetryLoggerOptions>(options => options.IncludeScopes = true);   // ConversationId, ActivityId, MigrationId
        builder.Services.Configure<AspNetCoreTraceInstrumentationOptions>(options =>
        {
            options.Filter = context => !UntracedPaths.Any(path => context.Request.Path.StartsWithSegments(path));
            // The instrumentation copies the caller's User-Agent as it came: bound and escape it like any request value.
            options.EnrichWithHttpRequest = (span, request) =>
                span.SetTag("user_agent.original", request.Headers.UserAgent is { Count: > 0 } agent ? LogValue.Sanitize(agent.ToString()) : null);
        });

        if (azureMonitor)
        {
            foreach (var key in QueryRedactionSwitches.Where(key => configuration[key] is null))
            {
                configuration[key] = bool.FalseString;
            }

            // The distro binds the AzureMonitor section and APPLICATIONINSIGHTS_CONNECTION_STRING itself, and brings the
            // ASP.NET Core and HttpClient instrumentation (adding them again would record every request twice).
            telemetry.UseAzureMonitor();
        }
        else
        {
            telemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }

        if (otlpEndpoint is not null)
        {
            telemetry.UseOtlpExporter(otlp.Protocol == OtlpOptions.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc, otlpEndpoint);
        }
        else if (standardOtlp)
        {
            telemetry.UseOtlpExporter();   // reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS, _TIMEOUT itself
        }

        return builder;
    }

    /// <summary>The configured collector, or <c>null</c> when none (or not an absolute http(s) URL: the validator says so).</summary>
    internal static Uri? OtlpEndpoint(OtlpOptions otlp) =>
        Uri.TryCreate(otlp.Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
}
