using System.Text.Json;

namespace KaizalaBot.PartnerCenter.Simulator.State;

/// <summary>Reads and writes the optional state file; writes go through a temporary file so a crash never leaves half a world.</summary>
internal sealed class WorldStore
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private readonly string? _path;

    public WorldStore(string? path)
    {
        _path = string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
    }

    public bool IsEnabled => _path is not null;

    public WorldSnapshot? Load()
    {
        if (_path is null || !File.Exists(_path))
        {
            return null;
        }

        using var stream = File.OpenRead(_path);
        return JsonSerializer.Deserialize<WorldSnapshot>(stream, JsonOptions);
    }

    public void Save(WorldSnapshot snapshot)
    {
        if (_path is null)
        {
            return;
        }

        var directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = _path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, snapshot, JsonOptions);
        }

        File.Move(temporary, _path, overwrite: true);
    }

    /// <summary>Moves an unreadable state file aside (kept for diagnosis) so the next save does not destroy it.</summary>
    public string? Quarantine()
    {
        if (_path is null || !File.Exists(_path))
        {
            return null;
        }

        var aside = _path + ".corrupt";
        File.Move(_path, aside, overwrite: true);
        return aside;
    }

    public void Delete()
    {
        if (_path is not null && File.Exists(_path))
        {
            File.Delete(_path);
        }
    }
}
