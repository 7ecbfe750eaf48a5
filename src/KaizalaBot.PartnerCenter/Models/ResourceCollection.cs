using System.Diagnostics.CodeAnalysis;

namespace KaizalaBot.PartnerCenter.Models;

// Not sealed: SeekBasedResourceCollection<T> extends it, as in the SDK's class hierarchy.
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The Partner Center SDK's name, kept so the real package can be swapped in.")]
public record ResourceCollection<T>
{
    // The service sets this to the number of items in THIS page, not the grand total (reference §1.5).
    public int TotalCount { get; init; }

    public IReadOnlyList<T> Items { get; init; } = [];

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
