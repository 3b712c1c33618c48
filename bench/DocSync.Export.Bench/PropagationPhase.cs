using System.Diagnostics;
using System.Runtime.InteropServices;
using DocSync.Core.Documents;
using DocSync.Core.Export;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocSync.Export.Bench;

/// <summary>
/// Single edits, one after another, with the worker running: each changes a document's note
/// through <see cref="DocumentService.UpdateAsync"/> (so DocSync renders a new PDF), and the clock
/// runs from the moment UpdateAsync returns until the emulator shows the PDF's new revision. The
/// emulator is watched with <c>list_folder/longpoll</c> on the PDF's folder, started before the
/// edit from a cursor taken before it: the longpoll answers the moment a commit lands there (its
/// own injected latency has passed by then), and <c>list_folder/continue</c> confirms it was this PDF.
/// The watcher has its own HttpClient: only DocSync's requests are counted.
/// </summary>
internal static class PropagationPhase
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public static async Task<PropagationResult> RunAsync(BenchHost host, EmulatorProcess emulator, Guid profileId, int edits, int latencyMs)
    {
        Console.WriteLine();
        Console.WriteLine($"== propagation: {edits} single edits one after another (a new note, so a new PDF), worker running, poll interval {Options(host).PollInterval.TotalSeconds:F0} s");
        var (_, access) = await emulator.GrantAsync();
        using var probeHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var probe = new DropboxClient(probeHttp, new StaticTokenProvider(access), host.ClientOptions);
        var documents = await host.QueryAsync(db => db.ExportedFiles.AsNoTracking().Where(f => f.ProfileId == profileId && f.Slot == "pdf")
            .OrderBy(f => f.DocumentId).Select(f => f.DocumentId).ToListAsync());
        var random = new Random(7);
        random.Shuffle(CollectionsMarshal.AsSpan(documents));

        var latencies = new List<double>();
        var updates = new List<double>();
        var timedOut = 0;
        var loadBefore = Proc.LoadAverage();
        var before = host.Dropbox.Snapshot();
        for (var i = 0; i < edits; i++)
        {
            var documentId = documents[i % documents.Count];
            var pdf = await host.QueryAsync(db => db.ExportedFiles.AsNoTracking().SingleAsync(f => f.ProfileId == profileId && f.DocumentId == documentId && f.Slot == "pdf"));
            var folder = pdf.Path[..pdf.Path.LastIndexOf('/')];
            var cursor = await probe.GetLatestCursorAsync(folder);
            var poll = probe.LongpollAsync(cursor);
            // Let the longpoll through its injected latency, so it is waiting when the commit lands.
            await Task.Delay(latencyMs + 15);

            var started = Stopwatch.GetTimestamp();
            await EditAsync(host, documentId, i);
            var saved = Stopwatch.GetTimestamp();
            updates.Add(Stopwatch.GetElapsedTime(started, saved).TotalMilliseconds);

            double? latency = null;
            while (latency is null && Stopwatch.GetElapsedTime(saved) < GiveUpAfter)
            {
                var answer = await poll;
                var seen = Stopwatch.GetTimestamp();
                if (answer.Changes)
                {
                    var page = await probe.ListFolderContinueAsync(cursor);
                    var entries = page.Entries.ToList();
                    while (page.HasMore)
                    {
                        page = await probe.ListFolderContinueAsync(page.Cursor);
                        entries.AddRange(page.Entries);
                    }
                    if (entries.OfType<FileMetadata>().Any(f => string.Equals(f.PathLower, pdf.Path.ToLowerInvariant(), StringComparison.Ordinal) && f.Rev != pdf.Rev))
                    {
                        latency = Stopwatch.GetElapsedTime(saved, seen).TotalMilliseconds;
                        break;
                    }
                    cursor = page.Cursor;
                }
                poll = probe.LongpollAsync(cursor);
            }
            if (latency is { } ms)
            {
                latencies.Add(ms);
            }
            else
            {
                timedOut++;
                Console.WriteLine($"ERROR: edit {i}: the new PDF of {pdf.Path} did not reach the emulator within {GiveUpAfter.TotalSeconds:F0} s");
            }
        }
        var requests = host.Dropbox.Snapshot() - before;
        var result = new PropagationResult(latencies, edits, timedOut, requests, updates);
        Console.WriteLine($"latency ms          p50 {result.Percentile(50):F0}, p90 {result.Percentile(90):F0}, p99 {result.Percentile(99):F0}, max {result.Percentile(100):F0}, min {result.Percentile(0):F0} (UpdateAsync returned → new rev in the emulator)");
        Console.WriteLine($"UpdateAsync ms      p50 {PropagationResult.Percentile(updates, 50):F0}, p99 {PropagationResult.Percentile(updates, 99):F0} (renders the new PDF; not part of the latency)");
        Console.WriteLine($"Dropbox requests    {requests.Total} ({(double)requests.Total / edits:F1} per edit: {requests.Describe()})");
        Console.WriteLine($"request times       {requests.DescribeTimes()} (average); machine load average {loadBefore} before, {Proc.LoadAverage()} after");
        Console.WriteLine(timedOut == 0 ? $"check               all {edits} edits reached the emulator" : $"check               {timedOut} edits did not arrive");
        return result;
    }

    private static ExportOptions Options(BenchHost host) => host.Services.GetRequiredService<IOptions<ExportOptions>>().Value;

    private static async Task EditAsync(BenchHost host, Guid documentId, int edit)
    {
        await using var unit = host.Scope(host.Owner);
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var current = await documents.GetAsync(documentId);
        await documents.UpdateAsync(documentId, new UpdateDocumentRequest
        {
            Content = current.Content with { Note = $"Edit {edit}: delivered in two parts." },
            Status = current.Status,
            BinderId = current.BinderId,
            ExpectedVersion = current.CurrentVersion,
        });
    }
}
