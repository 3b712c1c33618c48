using System.Diagnostics;

namespace DocSync.Bench.Common;

/// <summary>
/// How long at least one operation (request, database command) was under way: the union of their
/// intervals, so operations that overlap count once. With one export loop per connection, that is
/// the time the loop spent waiting on that resource.
/// </summary>
public sealed class BusyClock
{
    private readonly Lock _gate = new();
    private int _running;
    private long _since;
    private long _busyTicks;

    public void Enter()
    {
        lock (_gate)
        {
            if (_running++ == 0)
            {
                _since = Stopwatch.GetTimestamp();
            }
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            if (_running > 0 && --_running == 0)
            {
                _busyTicks += Stopwatch.GetTimestamp() - _since;
            }
        }
    }

    /// <summary>Busy time so far (an interval still open counts up to now).</summary>
    public TimeSpan Busy
    {
        get
        {
            lock (_gate)
            {
                var ticks = _busyTicks + (_running > 0 ? Stopwatch.GetTimestamp() - _since : 0);
                return TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency);
            }
        }
    }
}
