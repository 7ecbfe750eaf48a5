using System.Text.Json;

namespace KaizalaBot.Storage;

/// <summary>The write-condition rules shared by the backends that check conditions themselves.</summary>
internal static class StorageConditions
{
    public static void ValidateContent(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("Storage content is an undefined JsonElement (default); pass a JSON value.", nameof(content));
        }
    }

    public static void ThrowIfWriteFails(string key, WriteCondition condition, string? currentETag)
    {
        var ok = condition.Kind switch
        {
            WriteConditionKind.Unconditional => true,
            WriteConditionKind.CreateOnly => currentETag is null,
            WriteConditionKind.IfMatch => currentETag is not null && string.Equals(currentETag, condition.ETag, StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown write condition."),
        };
        if (!ok)
        {
            throw new StorageConflictException(key, condition.Kind);
        }
    }

    public static void ThrowIfDeleteFails(string key, WriteCondition condition, string? currentETag)
    {
        ValidateDeleteCondition(condition);
        if (condition.Kind == WriteConditionKind.IfMatch
            && (currentETag is null || !string.Equals(currentETag, condition.ETag, StringComparison.Ordinal)))
        {
            throw new StorageConflictException(key, condition.Kind);
        }
    }

    public static void ValidateDeleteCondition(WriteCondition condition)
    {
        if (condition.Kind == WriteConditionKind.CreateOnly)
        {
            throw new ArgumentException("CreateOnly is not a delete condition; use Unconditional or IfMatch(etag).", nameof(condition));
        }
    }
}
