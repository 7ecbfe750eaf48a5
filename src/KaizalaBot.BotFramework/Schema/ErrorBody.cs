using System.Text.Json;

namespace KaizalaBot.BotFramework.Schema;

public sealed record ErrorBody
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    public JsonElement? InnerHttpError { get; init; }
}
