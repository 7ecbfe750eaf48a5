namespace KaizalaBot.PartnerCenter.Tests.Fakes;

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string PathAndQuery => Uri.PathAndQuery;

    public bool IsTokenRequest => Uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal);

    public string? FormValue(string key) =>
        Body.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && Uri.UnescapeDataString(pair[0]) == key)
            .Select(pair => Uri.UnescapeDataString(pair[1].Replace('+', ' ')))
            .FirstOrDefault();
}
