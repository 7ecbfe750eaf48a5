using System.Globalization;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>One simulated seller: a Teams user of the partner's tenant, half of them in French.</summary>
internal sealed record Seller(int Index)
{
    /// <summary>The simulator's partner tenant: sellers must belong to it to migrate (architecture §5, "Who may migrate").</summary>
    public const string TenantId = "5eed0000-c5b0-4a11-9d3e-000000000001";

    public string Locale => Index % 2 == 0 ? "en-US" : "fr-FR";

    /// <summary>The seller's Entra object id, a GUID as Teams sends it; the bot is told to allow exactly these.</summary>
    public string AadObjectId => AadObjectIdOf(Index, walk: null);

    /// <summary>
    /// The Entra object id of this seller, or of a new user per walk when <paramref name="walk"/> is given (a walk that
    /// starts with an install needs a user the bot has not welcomed yet).
    /// </summary>
    public string AadObjectIdOf(int walk) => AadObjectIdOf(Index, walk);

    public static string AadObjectIdOf(int index, int? walk) =>
        string.Create(CultureInfo.InvariantCulture, $"be9c0000-{walk ?? 0:x4}-4000-8000-{index:x12}");
}
