using DocSync.Core.Sync;
using Shouldly;

namespace DocSync.Core.Tests.Sync;

public sealed class SingleFlightTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static BackoffPolicy Quick() => new(new BackoffShape(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)));

    [Fact]
    public async Task Asks_during_a_run_coalesce_into_one_more_run_with_the_highest_ranked_trigger()
    {
        using var stop = new CancellationTokenSource();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = new List<int>();
        var running = 0;
        var most = 0;
        var loops = new SingleFlight<int>(async (_, trigger, _) =>
        {
            var now = Interlocked.Increment(ref running);
            most = Math.Max(most, now);
            lock (runs)
            {
                runs.Add(trigger);
            }
            if (runs.Count == 1)
            {
                await gate.Task;
            }
            Interlocked.Decrement(ref running);
        }, trigger => trigger, (_, _) => { }, Quick(), TimeProvider.System, stop.Token);
        var key = Guid.NewGuid();

        var first = loops.Wake(key, 1);
        await WaitUntilAsync(() => runs.Count == 1);
        loops.IsBusy(key).ShouldBeTrue();
        var asks = new[] { loops.Wake(key, 2), loops.Wake(key, 5), loops.Wake(key, 3) };
        asks.ShouldAllBe(a => !a.IsCompleted, "they wait for a run that starts after them");
        gate.SetResult();
        await Task.WhenAll(asks.Append(first)).WaitAsync(Bound);

        runs.ShouldBe([1, 5], "three asks during the run made one run, with the highest rank");
        most.ShouldBe(1, "never two runs of one key at once");
        await WaitUntilAsync(() => !loops.IsBusy(key));
    }

    [Fact]
    public async Task Keys_run_independently()
    {
        using var stop = new CancellationTokenSource();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocked = Guid.NewGuid();
        var loops = new SingleFlight<int>(async (key, _, _) =>
        {
            if (key == blocked)
            {
                await gate.Task;
            }
        }, t => t, (_, _) => { }, Quick(), TimeProvider.System, stop.Token);

        var slow = loops.Wake(blocked, 0);
        await loops.Wake(Guid.NewGuid(), 0).WaitAsync(Bound);
        slow.IsCompleted.ShouldBeFalse();
        gate.SetResult();
        await slow.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_run_that_throws_is_reported_and_the_loop_goes_on_after_a_backoff()
    {
        using var stop = new CancellationTokenSource();
        var failures = new List<Exception>();
        var calls = 0;
        var loops = new SingleFlight<int>((_, _, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("a bug");
            }
            return Task.CompletedTask;
        }, t => t, (_, e) => failures.Add(e), Quick(), TimeProvider.System, stop.Token);
        var key = Guid.NewGuid();

        await loops.Wake(key, 0).WaitAsync(Bound);
        failures.Single().Message.ShouldBe("a bug");
        await loops.Wake(key, 0).WaitAsync(Bound);
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task Stopping_starts_no_new_run_and_lets_waiters_go()
    {
        using var stop = new CancellationTokenSource();
        var calls = 0;
        var loops = new SingleFlight<int>((_, _, token) =>
        {
            Interlocked.Increment(ref calls);
            return Task.Delay(Timeout.Infinite, token);
        }, t => t, (_, _) => { }, Quick(), TimeProvider.System, stop.Token);
        var key = Guid.NewGuid();
        var first = loops.Wake(key, 0);
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 1);
        var second = loops.Wake(key, 0);
        await stop.CancelAsync();
        await Task.WhenAll(first, second).WaitAsync(Bound);
        await loops.WhenAllAsync().WaitAsync(Bound);
        calls.ShouldBe(1);
        loops.Wake(key, 0).IsCompleted.ShouldBeTrue();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition never held");
            await Task.Delay(5);
        }
    }
}
