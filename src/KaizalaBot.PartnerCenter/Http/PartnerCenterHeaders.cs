namespace KaizalaBot.PartnerCenter.Http;

internal static class PartnerCenterHeaders
{
    public const string RequestId = "MS-RequestId";
    public const string CorrelationId = "MS-CorrelationId";
    public const string Locale = "X-Locale";
    public const string ContinuationToken = "MS-ContinuationToken";
    public const string IfMatch = "If-Match";
}
