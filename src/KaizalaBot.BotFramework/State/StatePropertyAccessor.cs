using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.State;

internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory, CancellationToken cancellationToken)
    {
        await state.LoadAsync(turnContext, false, cancellationToken);
        if (state.TryGetPropertyValue<T>(turnContext, Name, out var value))
        {
            return value;
        }

        if (defaultValueFactory is null)
        {
            return default;
        }

        var created = defaultValueFactory();
        state.SetPropertyValue(turnContext, Name, created);
        return created;
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken)
    {
        await state.LoadAsync(turnContext, false, cancellationToken);
        state.SetPropertyValue(turnContext, Name, value);
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await state.LoadAsync(turnContext, false, cancellationToken);
        state.DeletePropertyValue(turnContext, Name);
    }
}
