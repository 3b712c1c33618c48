using System.Collections.Concurrent;

namespace DocSync.Dropbox.Tests.Infrastructure;

/// <summary>
/// A fake clock that records every delay asked of it and then lets it elapse at once, so backoff
/// waits are checked exactly without the test sleeping.
/// </summary>
public sealed class AutoAdvancingTimeProvider : FakeTimeProvider
{
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            Delays.Enqueue(dueTime);
            _ = Task.Run(() => Advance(dueTime));
        }
        return timer;
    }
}
