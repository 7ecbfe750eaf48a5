namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>A step of a <see cref="WaterfallDialog{TState}"/> that takes the previous step's result typed.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState, in TResult>(
    WaterfallStepContext<TState> stepContext, TResult result, CancellationToken cancellationToken)
    where TState : class;
