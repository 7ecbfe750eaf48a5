namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>What reading a migration's record does in a <see cref="ScriptedRecordReadsStorage"/>.</summary>
internal enum RecordRead
{
    /// <summary>Reads the stored record (none: the run ends at once, normally, as for a marker written before its record).</summary>
    Stored,

    /// <summary>Throws an unexpected exception, so the run ends on it.</summary>
    Throws,

    /// <summary>Hangs until the run is stopped; the stop surfaces from inside the read.</summary>
    HangsUntilStopped,
}
