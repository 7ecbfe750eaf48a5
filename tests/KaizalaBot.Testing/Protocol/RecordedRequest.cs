namespace KaizalaBot.Testing.Protocol;

/// <summary>One request as the fake connector saw it; <see cref="RawTarget"/> is the path exactly as sent (still escaped).</summary>
public sealed record RecordedRequest(
    string Method, string Host, string RawTarget, string? Authorization, string? ContentType, string Body);
