using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.State;

/// <summary>One named, typed property of a <see cref="BotState"/> document (the SDK's accessor).</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>
    /// The property's value; when absent, the value from <paramref name="defaultValueFactory"/> is stored and
    /// returned, or <c>default</c> when no factory is given (nothing stored then).
    /// </summary>
    Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory, CancellationToken cancellationToken);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
