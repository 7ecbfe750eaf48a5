namespace KaizalaBot.TeamsApp;

/// <summary>The schema check of one package; valid when it has no errors.</summary>
public sealed record TeamsAppValidationResult(string Name, string? ManifestVersion, IReadOnlyList<TeamsAppValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
