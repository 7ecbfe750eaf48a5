namespace KaizalaBot.Storage.Files;

/// <summary>Reads what it needs from a file's bytes (which it must not keep); <paramref name="path"/> names the file in errors.</summary>
internal delegate T SpanParser<out T>(ReadOnlySpan<byte> json, string path);
