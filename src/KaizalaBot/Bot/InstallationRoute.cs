using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;
using KaizalaBot.Proactive;

namespace KaizalaBot.Bot;

/// <summary>
/// Installs and uninstalls (installationUpdate, and the conversationUpdate that adds or removes the bot): the conversation
/// reference is saved for proactive messages, and the seller is welcomed once per install.
/// </summary>
internal sealed partial class InstallationRoute(
    InstallationStore installations, CardRenderer cards, BotTexts texts, ILogger<InstallationRoute> logger)
{
    public async Task AddedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Teams announces one install twice (installationUpdate and a conversationUpdate adding the bot); the
        // installation store decides, under an ETag, which one of them welcomes.
        var saved = await installations.SaveAsync(turnContext.Activity, cancellationToken);
        if (saved is not { ShouldWelcome: true })
        {
            return;
        }

        LogInstalled(saved.Installation.Scope, saved.Installation.TenantId);
        var text = texts.ForLocale(turnContext.Activity.Locale);
        var card = cards.Render(CardTemplate.Welcome, text, new WelcomeCardModel(CommandParser.NameOf(BotCommand.Help, text.Language)));
        await turnContext.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
    }

    public Task RemovedAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        installations.RemoveAsync(turnContext.Activity, cancellationToken);

    /// <summary>Every later activity keeps the stored reference current (Teams may move a conversation's serviceUrl).</summary>
    public Task SeenAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        installations.RefreshAsync(turnContext.Activity, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "KaizalaBot installed in {Scope} scope for tenant {TenantId}")]
    private partial void LogInstalled(InstallationScope scope, string tenantId);
}
