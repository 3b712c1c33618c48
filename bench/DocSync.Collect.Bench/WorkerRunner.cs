using System.Collections.Concurrent;
using System.Diagnostics;
using DocSync.Core.Collect;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Collect.Bench;

/// <summary>
/// The real <see cref="CollectWorker"/> running in the background as DocSync.Web's hosted service
/// runs it (<c>RunAsync</c> until stopped), with the end of every run noted.
/// </summary>
internal sealed class WorkerRunner : BackgroundRunner
{
    private readonly ConcurrentQueue<(long Timestamp, CollectionRun Run)> _finished = new();

    public WorkerRunner(IServiceProvider services)
    {
        Worker = services.GetRequiredService<CollectWorker>();
        Worker.RunFinished += OnRunFinished;
        Start(Worker.RunAsync);
    }

    public CollectWorker Worker { get; }

    /// <summary>Runs finished since the worker started, with when (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public IReadOnlyList<(long Timestamp, CollectionRun Run)> Finished => [.. _finished];

    protected override void OnStopped() => Worker.RunFinished -= OnRunFinished;

    private void OnRunFinished(CollectionRun run) => _finished.Enqueue((Stopwatch.GetTimestamp(), run));
}
