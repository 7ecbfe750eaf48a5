using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Tooling;

namespace KaizalaBot.TeamsApp;

/// <summary>
/// Checks Teams app packages offline against the schemas bundled by the pinned <c>@microsoft/app-manifest</c> npm
/// package (<c>manifest/tools/validate-package.js</c>: ajv draft-04 with <c>const</c> and formats enforced). The .NET
/// validators on the feed either ignore <c>const</c> (NJsonSchema), which the Teams schemas use for
/// <c>manifestVersion</c>, or do not read draft-04 (JsonSchema.Net).
/// </summary>
public sealed class TeamsAppSchemaValidator(NpmToolFolder tools)
{
    private const string Script = "validate-package.js";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<TeamsAppValidationResult>> ValidateAsync(
        IReadOnlyList<TeamsAppPackageFiles> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);

        var input = new JsonArray([.. packages.Select(package => (JsonNode)new JsonObject
        {
            ["name"] = package.Name,
            ["files"] = new JsonObject(package.Files.Select(file => KeyValuePair.Create(file.Key, (JsonNode?)file.Value.DeepClone()))),
        })]);
        var output = await tools.RunScriptAsync(Script, input.ToJsonString(), cancellationToken);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<TeamsAppValidationResult>(line, Json)
                ?? throw new TeamsAppPackageException($"{Script} printed an empty result."))
            .ToList();
        return results.Count == packages.Count
            ? results
            : throw new TeamsAppPackageException($"{Script} answered {results.Count} results for {packages.Count} packages.");
    }
}
