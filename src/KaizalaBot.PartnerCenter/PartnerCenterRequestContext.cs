namespace KaizalaBot.PartnerCenter;

// Stand-in for the SDK's IRequestContext (RequestContextFactory.Create(correlationId[, requestId][, locale])).
public sealed record PartnerCenterRequestContext
{
    public required Guid CorrelationId { get; init; }

    // Normally each logical call gets a fresh MS-RequestId. Set this only to replay ONE logical call with a
    // known id (e.g. a checkout retried after a restart), so the service can de-duplicate it (reference §5.4).
    public Guid? RequestId { get; init; }

    public string? Locale { get; init; }
}
