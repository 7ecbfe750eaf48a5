using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.Bot.Commands;

/// <summary>
/// The table of typed commands: a message whose text (or card data, see <see cref="CommandParser.FromCardData"/>) names a
/// registered command runs its handler. A new command is an enum value, its names in the parser, a handler class and
/// one <c>AddBotCommand</c> line.
/// </summary>
internal sealed class CommandRouter(IEnumerable<BotCommandRegistration> registrations, IServiceProvider services)
{
    private readonly HashSet<BotCommand> _registered = [.. registrations.Select(r => r.Command)];

    /// <summary>Runs the command this message names; false when it names none that is registered.</summary>
    public async Task<bool> TryRunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if ((CommandParser.Parse(activity.Text) ?? CommandParser.FromCardData(activity.Value)) is not { } command
            || !_registered.Contains(command))
        {
            return false;
        }

        await services.GetRequiredKeyedService<ICommandHandler>(command).RunAsync(turnContext, cancellationToken);
        return true;
    }
}
