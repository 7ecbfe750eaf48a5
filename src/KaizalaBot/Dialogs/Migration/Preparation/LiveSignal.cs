namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>A background read moved on: redraw the cards watching it; <see cref="IsFinal"/> when it is done (or failed).</summary>
internal readonly record struct LiveSignal(string Key, bool IsFinal);
