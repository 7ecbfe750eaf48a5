using System.Diagnostics.CodeAnalysis;

namespace KaizalaBot.PartnerCenter.Models;

[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The Partner Center SDK's name, kept so the real package can be swapped in.")]
public sealed record SeekBasedResourceCollection<T> : ResourceCollection<T>
{
    public string? ContinuationToken { get; init; }
}
