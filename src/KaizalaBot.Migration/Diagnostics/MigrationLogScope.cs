using System.Collections;

namespace KaizalaBot.Migration.Diagnostics;

/// <summary>The logging scope of work on one migration: every line written inside it carries <c>MigrationId</c>.</summary>
internal sealed record MigrationLogScope(string MigrationId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new("MigrationId", MigrationId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"migration {MigrationId}";
}
