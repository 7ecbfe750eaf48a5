namespace KaizalaBot.Testing.Http;

/// <summary>One request as <see cref="RequestLog"/> saw it.</summary>
public sealed record LoggedRequest(string Method, string Path);
