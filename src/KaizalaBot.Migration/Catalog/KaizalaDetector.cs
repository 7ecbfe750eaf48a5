using KaizalaBot.PartnerCenter.Models;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Catalog;

/// <summary>
/// Recognises Kaizala Pro subscriptions and licences. A subscription is only a candidate; the customer's subscribed
/// SKUs confirm it (the licence pool is what users actually hold).
/// </summary>
public sealed class KaizalaDetector(IOptions<MigrationOptions> options)
{
    private readonly KaizalaProOptions _kaizala = options.Value.KaizalaPro;

    public string SkuId => _kaizala.SkuId;

    public bool IsKaizalaSubscription(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var offerId = subscription.OfferId ?? "";
        return string.Equals(offerId, _kaizala.OfferId, StringComparison.OrdinalIgnoreCase)
            || offerId.StartsWith(_kaizala.ProductId + ":", StringComparison.OrdinalIgnoreCase)
            || (subscription.OfferName?.Contains(_kaizala.OfferNameMarker, StringComparison.OrdinalIgnoreCase) ?? false);
    }

    public bool IsKaizalaSku(ProductSku sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return string.Equals(sku.Id, _kaizala.SkuId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(sku.SkuPartNumber, _kaizala.SkuPartNumber, StringComparison.OrdinalIgnoreCase);
    }

    public SubscribedSku? FindKaizalaSku(IEnumerable<SubscribedSku> subscribedSkus) =>
        subscribedSkus.FirstOrDefault(s => IsKaizalaSku(s.ProductSku));

    public bool HoldsKaizala(IEnumerable<License> licenses) => licenses.Any(l => IsKaizalaSku(l.ProductSku));
}
