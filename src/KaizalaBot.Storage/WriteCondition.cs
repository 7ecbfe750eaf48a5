namespace KaizalaBot.Storage;

/// <summary>
/// The precondition of a write or delete: unconditional (<c>*</c>), create-only, or "only if the stored
/// ETag is still this one". Spelled out so that no caller overwrites by accident.
/// </summary>
public readonly record struct WriteCondition
{
    private WriteCondition(WriteConditionKind kind, string? eTag)
    {
        Kind = kind;
        ETag = eTag;
    }

    public WriteConditionKind Kind { get; }

    /// <summary>The expected ETag when <see cref="Kind"/> is <see cref="WriteConditionKind.IfMatch"/>.</summary>
    public string? ETag { get; }

    /// <summary>Last writer wins (the Bot Framework's <c>"*"</c>).</summary>
    public static WriteCondition Unconditional { get; } = new(WriteConditionKind.Unconditional, null);

    /// <summary>Succeeds only if the key does not exist yet.</summary>
    public static WriteCondition CreateOnly { get; } = new(WriteConditionKind.CreateOnly, null);

    /// <summary>Succeeds only if the stored ETag equals <paramref name="eTag"/>; <c>"*"</c> means unconditional.</summary>
    public static WriteCondition IfMatch(string eTag)
    {
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        return eTag == "*" ? Unconditional : new(WriteConditionKind.IfMatch, eTag);
    }
}
