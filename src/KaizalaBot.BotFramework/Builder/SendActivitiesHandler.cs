using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// Sees (and may change) the activities a turn sends before they leave; call <paramref name="next"/> to pass them on.
/// The list is the handler's to edit; the result must hold one response per activity that was in the list.
/// </summary>
public delegate Task<IReadOnlyList<ResourceResponse>> SendActivitiesHandler(
    ITurnContext turnContext, List<Activity> activities, Func<Task<IReadOnlyList<ResourceResponse>>> next);
