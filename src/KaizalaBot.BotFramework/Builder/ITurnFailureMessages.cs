using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// What to tell the user when a turn fails for a reason the bot can name (a service it depends on not answering), in
/// place of <see cref="Integration.BotAdapterOptions.ErrorMessage"/>'s generic apology. The failed turn's state is not
/// saved either way. Implementations word the reason themselves: the exception's own text never reaches the user.
/// </summary>
public interface ITurnFailureMessages
{
    /// <summary>The message for <paramref name="activity"/>'s user (in its locale), or <c>null</c> for the generic apology.</summary>
    string? MessageFor(Exception exception, Activity activity);
}
