namespace KaizalaBot.Migration.Catalog;

/// <summary>
/// How Kaizala Pro is recognised (<c>Migration:KaizalaPro</c>). The real ids are not published (reference §4.4 ✘),
/// so every one is configurable; the defaults are the simulator's.
/// </summary>
public sealed record KaizalaProOptions
{
    /// <summary>Legacy offer id of the Kaizala Pro subscription.</summary>
    public string OfferId { get; init; } = "5EED0000-0000-4000-8000-00000000CA11";

    /// <summary>Product id, for a subscription whose offer id is a catalog item id (<c>product:sku:availability</c>).</summary>
    public string ProductId { get; init; } = "SIMKAIZALA01";

    /// <summary>The Entra skuId of Kaizala Pro: what a licence update removes.</summary>
    public string SkuId { get; init; } = "5eed0000-0000-4000-8000-00000000ca1a";

    public string SkuPartNumber { get; init; } = "KAIZALA_PRO";

    /// <summary>Offer names containing this are Kaizala Pro too (a subscription with an unknown offer id).</summary>
    public string OfferNameMarker { get; init; } = "Kaizala";
}
