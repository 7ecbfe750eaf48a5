using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.Bot.Commands;

/// <summary>One typed command (architecture §4); registered with <c>AddBotCommand</c>, found by <see cref="CommandRouter"/>.</summary>
internal interface ICommandHandler
{
    Task RunAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
