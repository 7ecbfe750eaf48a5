namespace KaizalaBot.Hosting;

/// <summary><c>OpenTelemetry:Otlp</c>: the OTLP collector the bot exports to.</summary>
public sealed class OtlpOptions
{
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>The collector's base URL (e.g. <c>http://otel-collector:4317</c>); empty = no OTLP export.</summary>
    public string? Endpoint { get; init; }

    /// <summary><c>grpc</c> (the OTLP default, port 4317) or <c>http/protobuf</c> (port 4318; <c>/v1/traces</c>… appended).</summary>
    public string Protocol { get; init; } = Grpc;
}
