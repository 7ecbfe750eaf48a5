using System.Net;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.PartnerCenter;

// The one exception every Partner Center failure becomes, token endpoint included.
public sealed class PartnerException : Exception
{
    public PartnerException()
    {
    }

    public PartnerException(string message)
        : base(message)
    {
    }

    public PartnerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PartnerErrorCategory ErrorCategory { get; init; }

    public HttpStatusCode? StatusCode { get; init; }

    // Partner Center's numeric code as text (e.g. "800065"), or Entra's "error" (e.g. "invalid_grant").
    public string? ErrorCode { get; init; }

    public string? Description { get; init; }

    public ApiFault? ServiceErrorPayload { get; init; }

    public Guid CorrelationId { get; init; }

    public Guid RequestId { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    // Set for InvalidCartLineItem: the cart as returned, with lineItems[].error filled in.
    public Cart? Cart { get; init; }

    // A token-endpoint failure worth retrying (5xx, 429, unreachable); read by the retry policy only.
    internal bool IsTransient { get; init; }

    // Set for OrderFailed: orders that WERE created must be reconciled, not bought again.
    public CartCheckoutResult? CheckoutResult { get; init; }
}
