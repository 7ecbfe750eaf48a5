using System.Text.Json.Nodes;

namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>
/// One entry of the dialog stack: which dialog, a unique id for this run of it, and its persisted state as
/// JSON (so it survives the storage round trip without type names; typed dialogs read and write it).
/// </summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    /// <summary>Unique per begin of a dialog; card prompts stamp it into their cards to recognise stale clicks.</summary>
    public required string InstanceId { get; init; }

    public JsonObject State { get; init; } = [];

    /// <summary>The dialog's <see cref="Dialog.GetVersion"/> when this instance began (null in stacks saved before versions).</summary>
    public string? Version { get; init; }
}
