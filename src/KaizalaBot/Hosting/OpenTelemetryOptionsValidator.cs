using Microsoft.Extensions.Options;

namespace KaizalaBot.Hosting;

/// <summary>A mistyped collector address or protocol fails start-up naming the key, rather than losing telemetry silently.</summary>
internal sealed class OpenTelemetryOptionsValidator : IValidateOptions<OpenTelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenTelemetryOptions options)
    {
        var otlp = options.Otlp;
        if (!string.IsNullOrWhiteSpace(otlp.Endpoint) && TelemetryExtensions.OtlpEndpoint(otlp) is null)
        {
            return ValidateOptionsResult.Fail("OpenTelemetry:Otlp:Endpoint must be an absolute http:// or https:// URL, e.g. http://otel-collector:4317.");
        }

        return otlp.Protocol is OtlpOptions.Grpc or OtlpOptions.HttpProtobuf
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"OpenTelemetry:Otlp:Protocol must be '{OtlpOptions.Grpc}' or '{OtlpOptions.HttpProtobuf}'.");
    }
}
