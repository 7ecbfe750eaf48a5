using System.Globalization;

namespace KaizalaBot.Benchmarks;

/// <summary><c>--name value</c> pairs of a benchmark's command line.</summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public BenchmarkArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            _values[args[i].TrimStart('-')] = args[i + 1];
        }
    }

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string String(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    /// <summary>A comma-separated value (<c>--sellers 1,8,64</c>).</summary>
    public IReadOnlyList<string> List(string name, IReadOnlyList<string> fallback) =>
        _values.TryGetValue(name, out var text) ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : fallback;
}
