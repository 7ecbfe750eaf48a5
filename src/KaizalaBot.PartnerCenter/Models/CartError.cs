using System.Text.Json;

namespace KaizalaBot.PartnerCenter.Models;

public sealed record CartError
{
    public CartErrorCode ErrorCode { get; init; }

    public string? ErrorDescription { get; init; }

    public JsonElement? AdditionalInformation { get; init; }
}
