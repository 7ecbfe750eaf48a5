using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Benchmarks;

/// <summary>Prints "x of N users read" at every tenth of a listing, as the conversation would show it.</summary>
internal sealed class ListingProgress : IProgress<UserReadProgress>
{
    public void Report(UserReadProgress value)
    {
        if (value.Read == value.Total || value.Read % Math.Max(1, value.Total / 10) == 0)
        {
            Console.WriteLine($"  listing: {value.Read} of {value.Total} users read");
        }
    }
}
