using DocSync.Core.Export;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Export.Bench;

/// <summary>
/// The real <see cref="SyncWorker"/> running in the background as DocSync.Web's hosted service runs
/// it (<c>RunAsync</c> until stopped; the hourly log purge left out), with its rounds tallied.
/// </summary>
internal sealed class WorkerRunner : BackgroundRunner
{
    private readonly SyncWorker _worker;
    private readonly SemaphoreSlim _roundFinished = new(0);
    private int _rounds;
    private long _tasks;

    public WorkerRunner(IServiceProvider services)
    {
        _worker = services.GetRequiredService<SyncWorker>();
        _worker.RoundFinished += OnRoundFinished;
        Start(_worker.RunAsync);
    }

    /// <summary>Rounds that took at least one task.</summary>
    public int Rounds => Volatile.Read(ref _rounds);

    /// <summary>Tasks taken by those rounds.</summary>
    public long Tasks => Interlocked.Read(ref _tasks);

    /// <summary>Waits for the next round to finish, or <paramref name="timeout"/>.</summary>
    public Task<bool> RoundFinishedAsync(TimeSpan timeout) => _roundFinished.WaitAsync(timeout);

    protected override void OnStopped()
    {
        _worker.RoundFinished -= OnRoundFinished;
        _roundFinished.Dispose();
    }

    private void OnRoundFinished(Guid connectionId, ExportRunResult result)
    {
        if (result.Tasks > 0)
        {
            Interlocked.Increment(ref _rounds);
            Interlocked.Add(ref _tasks, result.Tasks);
        }
        _roundFinished.Release();
    }
}
