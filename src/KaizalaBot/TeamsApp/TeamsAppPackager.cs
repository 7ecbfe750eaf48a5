using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.TeamsApp;

/// <summary>
/// Builds the Teams app zip from the committed <c>manifest/</c> folder: the manifest with this deployment's bot id,
/// publisher and domain filled in, its localisation files and its icons, all at the zip's root as Teams requires. The
/// package is validated against the Teams schema and the icons' sizes are checked before anything is written, and the
/// zip replaces the previous one in a single move, so a refused or interrupted run leaves the last good package intact.
/// </summary>
public sealed class TeamsAppPackager(TeamsAppSchemaValidator validator)
{
    public const string ManifestFileName = "manifest.json";
    public const string PackageFileName = "kaizalabot-teams-app.zip";

    // Fixed entry times make the zip a pure function of its inputs: the same configuration packs the same bytes, so
    // IT can tell whether a package really changed. (Zip cannot store dates before 1980.)
    private static readonly DateTimeOffset EntryTimestamp = new(2020, 7, 1, 0, 0, 0, TimeSpan.Zero);

    // The manifest is read by Teams, not by a browser: keep apostrophes and accents readable.
    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (string Key, int Size)[] IconSizes = [("color", 192), ("outline", 32), ("color32x32", 32)];

    public async Task<TeamsAppPackage> PackAsync(
        TeamsAppSettings settings, string manifestDirectory, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var manifest = ParseJson(ManifestFileName, ReadFile(manifestDirectory, ManifestFileName)) as JsonObject
            ?? throw new TeamsAppPackageException($"{ManifestFileName} is not a JSON object.");
        FillIn(manifest, settings);

        var contents = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ManifestFileName] = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson),
        };
        var json = new Dictionary<string, JsonNode>(StringComparer.Ordinal) { [ManifestFileName] = manifest };
        foreach (var file in LocalizationFiles(manifest))
        {
            contents[file] = ReadFile(manifestDirectory, file);
            json[file] = ParseJson(file, contents[file]);
        }

        foreach (var (file, size) in Icons(manifest))
        {
            contents[file] = ReadFile(manifestDirectory, file);
            var actual = PngSize.Read(contents[file]);
            if (actual != new PngSize(size, size))
            {
                throw new TeamsAppPackageException($"{file} must be a {size}x{size} PNG; it is {actual?.ToString() ?? "not a PNG"}.");
            }
        }

        var result = (await validator.ValidateAsync([new TeamsAppPackageFiles(PackageFileName, json)], cancellationToken))[0];
        if (!result.IsValid)
        {
            throw new TeamsAppPackageException(
                $"The package does not pass the Teams manifest schema {result.ManifestVersion}:{Environment.NewLine}"
                + string.Join(Environment.NewLine, result.Errors.Select(error => $"  {error}")));
        }

        return new TeamsAppPackage(WriteZip(contents, outputDirectory), result.ManifestVersion!, (string?)manifest["version"] ?? string.Empty);
    }

    private static void FillIn(JsonObject manifest, TeamsAppSettings settings)
    {
        if (manifest["bots"] is not JsonArray { Count: 1 } bots || bots[0] is not JsonObject bot)
        {
            throw new TeamsAppPackageException($"{ManifestFileName} must declare exactly one bot.");
        }

        // The Teams app takes the bot's id too: one id to register and find, and re-packaging the same bot updates the
        // app already uploaded instead of adding a second one.
        var appId = settings.BotAppId.ToString("D");
        manifest["id"] = appId;
        bot["botId"] = appId;

        var developer = new JsonObject
        {
            ["name"] = settings.DeveloperName,
            ["websiteUrl"] = settings.WebsiteUrl.AbsoluteUri,
            ["privacyUrl"] = settings.PrivacyUrl.AbsoluteUri,
            ["termsOfUseUrl"] = settings.TermsOfUseUrl.AbsoluteUri,
        };
        if (settings.MpnId is not null)
        {
            developer["mpnId"] = settings.MpnId;
        }

        manifest["developer"] = developer;
        manifest["validDomains"] = new JsonArray(settings.BotDomain);
    }

    private static IEnumerable<string> LocalizationFiles(JsonObject manifest)
    {
        var info = manifest["localizationInfo"];
        if (info?["defaultLanguageFile"] is { } defaultFile)
        {
            yield return FileName(defaultFile, "localizationInfo.defaultLanguageFile");
        }

        foreach (var language in info?["additionalLanguages"] as JsonArray ?? [])
        {
            yield return FileName(language?["file"], "localizationInfo.additionalLanguages[].file");
        }
    }

    private static IEnumerable<(string File, int Size)> Icons(JsonObject manifest)
    {
        foreach (var (key, size) in IconSizes)
        {
            if (manifest["icons"]?[key] is { } file)
            {
                yield return (FileName(file, $"icons.{key}"), size);
            }
        }
    }

    private static string FileName(JsonNode? node, string property) =>
        node is JsonValue value && value.TryGetValue<string>(out var file)
            ? file
            : throw new TeamsAppPackageException($"{ManifestFileName}: {property} must be a file name.");

    private static byte[] ReadFile(string directory, string file)
    {
        // Teams reads the package's files from the zip's root, so each must be a plain name beside manifest.json.
        if (file.Length == 0 || Path.GetFileName(file) != file || file is "." or "..")
        {
            throw new TeamsAppPackageException($"{ManifestFileName} refers to '{file}': package files must be plain file names beside it.");
        }

        var path = Path.Combine(directory, file);
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new TeamsAppPackageException($"{file} is missing from {directory}.");
    }

    private static JsonNode ParseJson(string file, byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) ?? throw new TeamsAppPackageException($"{file} is empty.");
        }
        catch (JsonException ex)
        {
            throw new TeamsAppPackageException($"{file} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static string WriteZip(IReadOnlyDictionary<string, byte[]> contents, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var target = Path.Combine(outputDirectory, PackageFileName);
        var temporary = Path.Combine(outputDirectory, $".{PackageFileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                foreach (var (name, bytes) in contents)
                {
                    var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTimestamp;
                    using var entryStream = entry.Open();
                    entryStream.Write(bytes);
                }
            }

            File.Move(temporary, target, overwrite: true);
            return target;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
