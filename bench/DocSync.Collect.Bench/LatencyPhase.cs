using System.Diagnostics;
using DocSync.Core.Collect;
using DocSync.Dropbox;
using DocSync.Export.Bench;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Collect.Bench;

/// <summary>
/// A near-real-time channel on its own folder, the real worker running (its longpoll on the folder):
/// files dropped one at a time, each after the one before is in the inbox and a short random pause,
/// the clock running from the moment Alice's upload call returns until the inbox has an item with
/// the file's bytes (the database asked every 20 ms). Each set of drops checks that every file
/// arrived exactly once.
/// </summary>
internal sealed class LatencyPhase(BenchHost host, CollectSetup setup, WorkerRunner worker)
{
    public const string Folder = "/Collect/Live";
    public const int Seed = 7;

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    private readonly Random _random = new(Seed);

    /// <summary>Makes the channel and waits until the worker watches it (its longpoll needs the cursor a first run keeps).</summary>
    public async Task<Guid> WatchAsync()
    {
        var channelId = await setup.CreateChannelAsync("Live drop", Folder, nearRealTime: true);
        var clock = Stopwatch.StartNew();
        while (!worker.Worker.Watched.Contains(channelId) || await host.QueryAsync(db => db.CollectionChannels.Where(c => c.Id == channelId).Select(c => c.Cursor).SingleAsync()) is null)
        {
            if (clock.Elapsed > GiveUpAfter)
            {
                throw new InvalidOperationException($"The worker did not watch the channel within {GiveUpAfter.TotalSeconds:F0} s.");
            }
            await Task.Delay(PollEvery);
        }
        Console.WriteLine($"watching            after {clock.Elapsed.TotalMilliseconds:F0} ms (channel created → longpoll on a cursor)");
        return channelId;
    }

    /// <summary>Drops <paramref name="files"/> one by one and measures each.</summary>
    public async Task<LatencyResult> DropAsync(string what, IReadOnlyList<SampleFile> files)
    {
        Console.WriteLine();
        Console.WriteLine($"-- {what}: {files.Count} drops; stable age {setup.Options.StableAge.TotalSeconds:F0} s, recheck delay {setup.Options.RecheckDelay.TotalSeconds:F0} s, " +
                          $"poll interval {setup.Options.PollInterval.TotalMilliseconds:F0} ms, pause between drops 100–300 ms (seed {Seed})");
        var latencies = new List<double>();
        var problems = new List<string>();
        var timedOut = 0;
        var runsBefore = worker.Finished.Count;
        var before = host.Dropbox.Snapshot();
        var loadBefore = Proc.LoadAverage();
        foreach (var file in files)
        {
            await Task.Delay(_random.Next(100, 301));
            await setup.Alice.UploadBytesAsync($"{Folder}/{file.Name}", file.Content, new CommitOptions { Mode = WriteMode.Add });
            var dropped = Stopwatch.GetTimestamp();
            double? latency = null;
            while (Stopwatch.GetElapsedTime(dropped) < GiveUpAfter)
            {
                if (await setup.InInboxAsync(file.Sha256))
                {
                    latency = Stopwatch.GetElapsedTime(dropped).TotalMilliseconds;
                    break;
                }
                await Task.Delay(PollEvery);
            }
            if (latency is { } ms)
            {
                latencies.Add(ms);
            }
            else
            {
                timedOut++;
                problems.Add($"{file.Name} was not in the inbox {GiveUpAfter.TotalSeconds:F0} s after the drop");
            }
        }
        // The last file is in the inbox a moment before its run ends: the figures are taken after the check's quiet moment.
        await CheckAsync(files, problems);
        var requests = host.Dropbox.Snapshot() - before;
        var runs = worker.Finished.Count - runsBefore;

        var result = new LatencyResult(what, files.Count, latencies, timedOut, runs, requests, problems);
        Console.WriteLine($"latency             {result.Describe()}, min {Stats.Ms(result.Percentile(0))} (upload returned → inbox item present)");
        Console.WriteLine($"runs                {runs} ({(double)runs / files.Count:F2} per drop)");
        Console.WriteLine($"Dropbox requests    {requests.Total} ({(double)requests.Total / files.Count:F1} per drop: {requests.Describe()})");
        Console.WriteLine($"request times       {requests.DescribeTimes()} (average; a longpoll waits for the next drop; the last one is still waiting)");
        Console.WriteLine($"machine             load average {loadBefore} before, {Proc.LoadAverage()} after");
        Console.WriteLine(problems.Count == 0
            ? $"check               each of the {files.Count} files is in the inbox once, with its bytes"
            : "check               FAILED:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)));
        return result;
    }

    /// <summary>Every file once in the inbox: a run still under way could only add a second one, so the check waits for a quiet moment first.</summary>
    private async Task CheckAsync(IReadOnlyList<SampleFile> files, List<string> problems)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var hashes = files.Select(f => f.Sha256).ToList();
        var found = await host.QueryAsync(db => db.InboxItems.AsNoTracking().Where(i => hashes.Contains(i.Sha256)).Select(i => i.Sha256).ToListAsync());
        var twice = found.GroupBy(h => h, StringComparer.Ordinal).Count(g => g.Count() > 1);
        if (twice > 0)
        {
            problems.Add($"{twice} files are in the inbox more than once");
        }
        var missing = hashes.Except(found, StringComparer.Ordinal).Count();
        if (missing > 0)
        {
            problems.Add($"{missing} files are not in the inbox");
        }
        var failed = await host.QueryAsync(db => db.CollectedFiles.AsNoTracking().CountAsync(f => f.Status == CollectedFileStatus.Failed));
        if (failed > 0)
        {
            problems.Add($"the ledger has {failed} failed files");
        }
    }
}
