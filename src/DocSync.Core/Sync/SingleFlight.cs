using System.Collections.Concurrent;

namespace DocSync.Core.Sync;

/// <summary>
/// One loop per key (a connection, a channel, a rule), at most one run of it at a time. Asks that come
/// during a run coalesce into one more run, with the highest-ranked trigger among them (a scheduled run
/// outranks a real-time one, say). A run that throws is logged by the owner and, when more asks wait,
/// the loop waits a backoff before running again, so a bug cannot spin.
/// </summary>
/// <typeparam name="TTrigger">What starts a run.</typeparam>
public sealed class SingleFlight<TTrigger>
    where TTrigger : struct
{
    private readonly ConcurrentDictionary<Guid, Loop> _loops = new();
    private readonly Func<Guid, TTrigger, CancellationToken, Task> _run;
    private readonly Func<TTrigger, int> _rank;
    private readonly Action<Guid, Exception> _failed;
    private readonly BackoffPolicy _backoff;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;

    /// <summary>Creates the loops.</summary>
    /// <param name="run">One run for a key and trigger.</param>
    /// <param name="rank">A trigger's rank: of asks coalesced into one run, the highest wins.</param>
    /// <param name="failed">Told when a run throws (not when it is cancelled by <paramref name="stopping"/>).</param>
    /// <param name="backoff">How long a loop waits after a run that threw before the next.</param>
    /// <param name="time">The clock.</param>
    /// <param name="stopping">Stops every loop: no new run starts.</param>
    public SingleFlight(Func<Guid, TTrigger, CancellationToken, Task> run, Func<TTrigger, int> rank, Action<Guid, Exception> failed, BackoffPolicy backoff,
        TimeProvider time, CancellationToken stopping)
    {
        _run = run ?? throw new ArgumentNullException(nameof(run));
        _rank = rank ?? throw new ArgumentNullException(nameof(rank));
        _failed = failed ?? throw new ArgumentNullException(nameof(failed));
        _backoff = backoff ?? throw new ArgumentNullException(nameof(backoff));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _stopping = stopping;
    }

    /// <summary>Asks for a run of <paramref name="key"/>; the task completes when a run that started after the ask has ended (at once when stopping).</summary>
    /// <param name="key">The loop.</param>
    /// <param name="trigger">What asks.</param>
    public Task Wake(Guid key, TTrigger trigger) =>
        _stopping.IsCancellationRequested ? Task.CompletedTask : _loops.GetOrAdd(key, _ => new Loop(this, key)).Wake(trigger);

    /// <summary>Whether a run of <paramref name="key"/> is under way or asked for.</summary>
    /// <param name="key">The loop.</param>
    public bool IsBusy(Guid key) => _loops.TryGetValue(key, out var loop) && loop.Busy;

    /// <summary>Completes when every loop has finished its current run (after stopping, when all have ended).</summary>
    public Task WhenAllAsync() => Task.WhenAll(_loops.Values.Select(l => l.Completion));

    private sealed class Loop(SingleFlight<TTrigger> owner, Guid key)
    {
        private readonly Lock _gate = new();
        private TTrigger? _pending;
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _running;
        private int _failures;
        private Task _task = Task.CompletedTask;

        public bool Busy
        {
            get
            {
                lock (_gate)
                {
                    return _running;
                }
            }
        }

        public Task Completion
        {
            get
            {
                lock (_gate)
                {
                    return _task;
                }
            }
        }

        public Task Wake(TTrigger trigger)
        {
            lock (_gate)
            {
                _pending = _pending is { } earlier && owner._rank(earlier) >= owner._rank(trigger) ? earlier : trigger;
                var next = _next.Task;
                if (!_running)
                {
                    _running = true;
                    _task = Task.Run(RunAsync);
                }
                return next;
            }
        }

        private async Task RunAsync()
        {
            while (true)
            {
                TTrigger trigger;
                TaskCompletionSource done;
                lock (_gate)
                {
                    if (_pending is null || owner._stopping.IsCancellationRequested)
                    {
                        _running = false;
                        _next.TrySetResult();
                        _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
                        return;
                    }
                    trigger = _pending.Value;
                    _pending = null;
                    done = _next;
                    _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                var threw = false;
                try
                {
                    await owner._run(key, trigger, owner._stopping).ConfigureAwait(false);
                    _failures = 0;
                }
                catch (OperationCanceledException) when (owner._stopping.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    threw = true;
                    _failures++;
                    owner._failed(key, e);
                }
                finally
                {
                    done.TrySetResult();
                }

                if (threw)
                {
                    try
                    {
                        await Task.Delay(owner._backoff.Delay(_failures), owner._time, owner._stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            }
        }
    }
}
