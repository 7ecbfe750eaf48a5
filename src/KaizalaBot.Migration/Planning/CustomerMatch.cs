namespace KaizalaBot.Migration.Planning;

/// <summary>A customer of the partner found by company name or domain prefix.</summary>
public sealed record CustomerMatch(string Id, string CompanyName, string? Domain);
