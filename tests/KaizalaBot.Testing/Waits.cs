namespace KaizalaBot.Testing;

/// <summary>Event-driven waits with a real-time bound, so a missing event fails the test instead of hanging the run.</summary>
public static class Waits
{
    /// <summary>How long a test waits for something that should happen at once; generous for a loaded 2-core machine.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    /// <summary>Completes when <paramref name="token"/> is cancelled; throws <see cref="TimeoutException"/> naming <paramref name="what"/> past the limit.</summary>
    public static async Task UntilCancelledAsync(this CancellationToken token, string what, TimeSpan? limit = null)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = token.Register(() => cancelled.TrySetResult());
        await WithinAsync(cancelled.Task, what, limit);
    }

    /// <summary>Awaits <paramref name="task"/>; throws <see cref="TimeoutException"/> naming <paramref name="what"/> past the limit.</summary>
    public static async Task WithinAsync(this Task task, string what, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            await task.WaitAsync(limit ?? DefaultLimit);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Waited {limit ?? DefaultLimit} of real time for {what}.", ex);
        }
    }

    /// <summary>Awaits <paramref name="task"/> and returns its result; throws <see cref="TimeoutException"/> naming <paramref name="what"/> past the limit.</summary>
    public static async Task<T> WithinAsync<T>(this Task<T> task, string what, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        await ((Task)task).WithinAsync(what, limit);
        return await task;
    }
}
