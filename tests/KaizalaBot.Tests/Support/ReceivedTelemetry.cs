using System.Text;

namespace KaizalaBot.Tests.Support;

/// <summary>One request a <see cref="TelemetryReceiver"/> took: the host it named (a proxied request names its real destination), its path and body.</summary>
internal sealed record ReceivedTelemetry(string Method, string Host, string Path, byte[] Body)
{
    /// <summary>Whether the body holds <paramref name="text"/> (OTLP protobuf and Application Insights JSON carry names and values as UTF-8).</summary>
    public bool Carries(string text) => Encoding.UTF8.GetString(Body).Contains(text, StringComparison.Ordinal);
}
