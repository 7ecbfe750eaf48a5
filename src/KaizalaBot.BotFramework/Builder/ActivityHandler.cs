using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// The SDK's <c>ActivityHandler</c>: routes a turn by activity type (protocol ref. §8.1). Anything not handled
/// is answered 200 (or 501 for an invoke nobody answered), as the protocol asks of unknown activities.
/// </summary>
public abstract class ActivityHandler : IBot
{
    public virtual Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        return turnContext.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => OnInvokeActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Event => OnEventActivityAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        var botId = turnContext.Activity.Recipient?.Id;
        var others = (turnContext.Activity.MembersAdded ?? []).Where(m => m.Id != botId).ToList();
        return others.Count > 0 ? OnMembersAddedAsync(others, turnContext, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Members added other than the bot itself.</summary>
    protected virtual Task OnMembersAddedAsync(
        IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        return turnContext.Activity.Action switch
        {
            InstallationUpdateActions.Add or InstallationUpdateActions.AddUpgrade =>
                OnInstallationUpdateAddAsync(turnContext, cancellationToken),
            InstallationUpdateActions.Remove or InstallationUpdateActions.RemoveUpgrade =>
                OnInstallationUpdateRemoveAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    protected virtual Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// <c>adaptiveCard/action</c> goes to <see cref="OnAdaptiveCardInvokeAsync"/>; a value that is not an
    /// <c>Action.Execute</c> payload gets the SDK's 400 <c>BadRequest</c>; other invokes stay unanswered (501).
    /// </summary>
    protected virtual Task OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        if (turnContext.Activity.Name != InvokeNames.AdaptiveCardAction)
        {
            return Task.CompletedTask;
        }

        var value = ReadInvokeValue(turnContext.Activity);
        if (value?.Action is null)
        {
            turnContext.SetInvokeResponse(InvokeResponses.Error(400, "BadRequest", "Missing or invalid adaptiveCard/action value."));
            return Task.CompletedTask;
        }

        return OnAdaptiveCardInvokeAsync(turnContext, value, cancellationToken);
    }

    /// <summary>An <c>Action.Execute</c> click; answer with <see cref="ITurnContext.SetInvokeResponse"/>.</summary>
    protected virtual Task OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private static AdaptiveCardInvokeValue? ReadInvokeValue(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize<AdaptiveCardInvokeValue>(BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
