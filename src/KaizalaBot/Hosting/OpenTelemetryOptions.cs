namespace KaizalaBot.Hosting;

/// <summary>
/// The <c>OpenTelemetry</c> section: where traces, metrics and logs go by OTLP. Empty (the default) exports nothing by
/// OTLP; the standard <c>OTEL_EXPORTER_OTLP_*</c> variables are honoured when <see cref="OtlpOptions.Endpoint"/> is not set.
/// </summary>
public sealed class OpenTelemetryOptions
{
    public const string Section = "OpenTelemetry";

    public OtlpOptions Otlp { get; init; } = new();
}
