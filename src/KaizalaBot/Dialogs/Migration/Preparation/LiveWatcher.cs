using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>A conversation whose card (the message <see cref="ActivityId"/>) shows a background read's progress.</summary>
internal sealed record LiveWatcher(ConversationReference Reference, string ActivityId);
