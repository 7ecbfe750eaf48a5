namespace KaizalaBot.Storage.Tests.Infrastructure;

public sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    internal DateTimeOffset? DueAt { get; set; }

    internal TimeSpan? Period { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        owner.Schedule(this, dueTime, period);
        return true;
    }

    public void Dispose() => owner.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Fire() => callback(state);
}
