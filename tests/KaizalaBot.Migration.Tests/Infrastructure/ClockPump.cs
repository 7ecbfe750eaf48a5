using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>
/// Moves a <see cref="FakeTimeProvider"/> forward in small steps while a test runs against real HTTP, so every wait of
/// the engine, the client and the simulator (provisioning delay, Retry-After, back-off, polls) passes in virtual time:
/// no test waits on the real clock for a duration, only yields between steps.
/// </summary>
internal sealed class ClockPump : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ClockPump(FakeTimeProvider clock, TimeSpan step)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                clock.Advance(step);
                await Task.Yield();
                await Task.Delay(1, CancellationToken.None);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
