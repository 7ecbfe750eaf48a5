using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards;
using KaizalaBot.Dialogs.Migration.Preparation;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// The migration conversation (issue 10): customer, Kaizala Pro subscription, plan, licence count, users, review.
/// Only routes: each step is an <see cref="IMigrationStep"/>. One waterfall turn shows the current step's card and
/// waits; the answer goes to that step, and the waterfall is replaced by itself with the new state, so every card is a
/// new prompt (a click on an older card is stale) and replaces the clicked one in place. The seller's entitlement is
/// checked before any step.
/// </summary>
internal sealed class MigrationDialog : ComponentDialog
{
    public const string DialogId = "migration";

    private const string FlowId = "migration.step";
    private const string PromptId = "migration.card";

    private readonly Dictionary<MigrationStage, IMigrationStep> _steps;
    private readonly MigrationDialogStart _start;
    private readonly SellerAuthorizer _authorizer;
    private readonly BotTexts _texts;
    private readonly CardRenderer _cards;
    private readonly LiveCards _liveCards;
    private readonly WaterfallDialog<MigrationDialogState> _flow;

    public MigrationDialog(
        IEnumerable<IMigrationStep> steps, MigrationDialogStart start, SellerAuthorizer authorizer, BotTexts texts, CardRenderer cards,
        LiveViewRenderer live, LiveCards liveCards)
        : base(DialogId)
    {
        _steps = steps.ToDictionary(s => s.Stage);
        _start = start;
        _authorizer = authorizer;
        _texts = texts;
        _cards = cards;
        _liveCards = liveCards;
        _flow = new WaterfallDialog<MigrationDialogState>(FlowId, new MigrationDialogState(), [ShowStepAsync])
            .AddStep<CardSubmission>(HandleAnswerAsync);
        AddDialog(_flow);
        AddDialog(new MigrationCardPrompt(PromptId, live, texts));
    }

    /// <summary>Every verb the dialog's cards carry (the card checks hold them to the registered routes and this list).</summary>
    public IReadOnlySet<string> Verbs => _steps.Values.SelectMany(s => s.Verbs).Append(CardVerbs.Back).Append(CardVerbs.CancelDialog).ToHashSet();

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var context = innerDc.Context;
        var texts = _texts.ForLocale(context.Activity.Locale);
        var seller = SellerIdentities.From(context.Activity);
        var entitlement = seller is null
            ? AuthorizationResult.Refused("notPartnerTenant")
            : await _authorizer.AuthorizeAsync(seller, SellerAction.Migrate, null, cancellationToken);
        if (!entitlement.IsAllowed)
        {
            // Before any step: nothing about any customer is read for someone who may not migrate.
            var refusal = entitlement.Refusal!;
            await context.SendActivityAsync(MessageFactory.Text($"{texts.Text(refusal)} {texts.Action(refusal)}"), cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Complete);
        }

        var turn = new MigrationTurn(context, texts, seller!, new MigrationDialogState());
        var state = await _start.InitialStateAsync(turn, options as MigrationDialogOptions ?? new MigrationDialogOptions(), cancellationToken);
        return await innerDc.BeginDialogAsync(FlowId, state, cancellationToken);
    }

    /// <summary>
    /// Shows the waiting card again (<c>resume</c>). A live card is redrawn by its prompt, as its proactive redraw is; a
    /// step's card is not kept with the prompt (<see cref="MigrationCardPrompt"/>), so the flow begins again from the
    /// answers it kept: the step shows its card as a new prompt, drawn from data read now, and the card shown before
    /// becomes stale as after any other step.
    /// </summary>
    protected override async Task OnRepromptDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);

        if (innerDc.Context.TurnState.ContainsKey(MigrationCardPrompt.LiveOnlyKey)
            || innerDc.Stack is not [{ Id: PromptId } prompt, { Id: FlowId } flow]
            || MigrationCardPrompt.WaitsWithLiveView(prompt))
        {
            await base.OnRepromptDialogAsync(innerDc, cancellationToken);
            return;
        }

        var state = _flow.StateOf(flow);
        await innerDc.CancelAllDialogsAsync(cancellationToken);
        await innerDc.BeginDialogAsync(FlowId, state, cancellationToken);
    }

    private async Task<DialogTurnResult> ShowStepAsync(WaterfallStepContext<MigrationDialogState> step, CancellationToken cancellationToken)
    {
        var shown = await _steps[step.State.Stage].ShowAsync(Turn(step.Context, step.State), cancellationToken);
        var state = shown.State with { Notice = "", NoticeIsError = false };
        step.State = state;
        if (shown.Live is { } live && state.CardActivityId is { } activityId)
        {
            _liveCards.Watch(live.Key, new LiveWatcher(step.Context.Activity.GetConversationReference() with { ActivityId = null }, activityId));
        }

        var options = new PromptOptions
        {
            Prompt = shown.Card is { } card ? MessageFactory.Attachment(card) : null,
            Validations = shown.Live?.ToJson(),
        };
        return await step.PromptAsync(PromptId, options, cancellationToken);
    }

    private async Task<DialogTurnResult> HandleAnswerAsync(
        WaterfallStepContext<MigrationDialogState> step, CardSubmission submission, CancellationToken cancellationToken)
    {
        var state = step.Context.Activity.ReplyToId is { Length: > 0 } clicked ? step.State with { CardActivityId = clicked } : step.State;
        if (SellerIdentities.From(step.Context.Activity) is not { } seller)
        {
            var texts = _texts.ForLocale(step.Context.Activity.Locale);
            await step.Context.SendActivityAsync(MessageFactory.Text(texts["seller.notEntitled.notPartnerTenant"]), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var turn = new MigrationTurn(step.Context, _texts.ForLocale(step.Context.Activity.Locale), seller, state);
        var answer = new CardAnswer(submission);
        var current = _steps[state.Stage];
        var outcome = answer.Verb switch
        {
            CardVerbs.CancelDialog => StepOutcome.End(Closing(turn.Texts, "migrationCancelledTitle", "migrationCancelledText")),
            CardVerbs.Back => Back(turn, answer),
            { } verb when current.Verbs.Contains(verb) => await current.HandleAsync(turn, answer, cancellationToken),
            _ => StepOutcome.Show(state.Say(turn.Texts["migrationNotThisStep"])),
        };

        if (outcome.Reply is { } reply)
        {
            await step.Context.SendActivityAsync(reply, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        return await step.ReplaceDialogAsync(FlowId, outcome.State, cancellationToken);
    }

    /// <summary>Back one step, or to an earlier step the review names (<c>to</c>); never forward.</summary>
    private static StepOutcome Back(MigrationTurn turn, CardAnswer answer)
    {
        var state = turn.State;
        var target = answer.Text("to", out var valid) is { } named
            ? Enum.TryParse<MigrationStage>(named, ignoreCase: false, out var stage) && stage < state.Stage && Enum.IsDefined(stage) ? stage : (MigrationStage?)null
            : state.Stage > MigrationStage.Customer ? state.Stage - 1 : MigrationStage.Customer;
        return target is { } to && valid
            ? StepOutcome.Show(state.GoTo(to) with { PreviewKey = null })
            : StepOutcome.Show(state.Say(turn.Texts["migrationNotThisStep"]));
    }

    private Activity Closing(TextTable texts, string titleKey, string textKey) =>
        MessageFactory.Attachment(_cards.Render(CardTemplate.Notice, texts, new Cards.Models.NoticeCardModel(texts[titleKey], texts[textKey], [])));

    // Showing a card needs no identity check: only answers act, and HandleAnswerAsync checks them.
    private MigrationTurn Turn(ITurnContext context, MigrationDialogState state) =>
        new(context, _texts.ForLocale(context.Activity.Locale), SellerIdentities.From(context.Activity) ?? Anonymous, state);

    private static readonly SellerIdentity Anonymous = new("", "", "");
}
