namespace KaizalaBot.PartnerCenter.Http;

// 429 bodies are not ApiFaults: { "statusCode": 429, "message": "Rate limit is exceeded. Try again in 57 seconds." }
// (reference §1.6).
internal sealed record RateLimitFault
{
    public int StatusCode { get; init; }

    public string? Message { get; init; }
}
