using System.Globalization;

namespace DocSync.Core.Collect.Planning;

/// <summary>
/// The collect planner: a pure function from a listing, the ledger and the channel's settings (and the
/// moment, passed in) to a decision per file — collect, wait, skip, refuse, note a move, finish an
/// after-action, nothing, or decide later. No I/O, no clock, no database: the runner carries the
/// decisions out. A file is collected at most once per content: the ledger's (file id, content hash)
/// settles it, a renamed, moved or copied file keeps its hash, and a file changed moments ago must keep
/// its revision across two looks (or be older than the stable age) before it is taken.
/// </summary>
public static class CollectPlanner
{
    /// <summary>Plans <paramref name="files"/>, oldest first (then by path, then by id): the order does not depend on the listing's.</summary>
    /// <param name="files">The files listed, each id once (a listing of changes keeps a file's last state).</param>
    /// <param name="ledger">
    /// The ledger's rows for these file ids (every content seen), and the collected rows of any other file
    /// with the same content.
    /// </param>
    /// <param name="settings">The channel's settings and the run's terms.</param>
    /// <param name="now">The moment of planning.</param>
    /// <exception cref="ArgumentException">A file id is listed twice.</exception>
    public static IReadOnlyList<CollectDecision> Plan(IReadOnlyList<ListedFile> files, IReadOnlyList<LedgerRow> ledger, PlanSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(settings);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!ids.Add(file.Id))
            {
                throw new ArgumentException($"The file {file.Id} is listed twice; keep its last state only.", nameof(files));
            }
        }

        var rowsById = ledger.GroupBy(r => r.FileId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var collectedByHash = ledger.Where(r => r.Status == CollectedFileStatus.Collected)
            .GroupBy(r => r.ContentHash, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Contents this plan collects, and from which file: a second file with one of them waits for the first's outcome.
        var collecting = new Dictionary<string, string>(StringComparer.Ordinal);
        var decisions = new List<CollectDecision>(files.Count);
        foreach (var file in files.OrderBy(f => f.ServerModified).ThenBy(f => f.PathLower, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal))
        {
            var rows = rowsById.GetValueOrDefault(file.Id) ?? [];
            var twins = collectedByHash.GetValueOrDefault(file.ContentHash) ?? [];
            var decision = Decide(file, rows, twins, collecting, settings, now);
            if (decision.Action == CollectAction.Collect)
            {
                collecting.TryAdd(file.ContentHash, file.Id);
            }
            decisions.Add(decision);
        }
        return decisions;
    }

    private static CollectDecision Decide(ListedFile file, List<LedgerRow> rows, List<LedgerRow> twins, Dictionary<string, string> collecting, PlanSettings settings,
        DateTimeOffset now)
    {
        var row = rows.FirstOrDefault(r => string.Equals(r.ContentHash, file.ContentHash, StringComparison.Ordinal));
        var settledBefore = row is { Status: CollectedFileStatus.Collected or CollectedFileStatus.Skipped }
                            || (row is { Status: CollectedFileStatus.Failed } && CollectReasons.IsFinal(row.Reason));
        if (settledBefore)
        {
            return Known(file, row!, settings);
        }
        if (row is { Status: CollectedFileStatus.Failed, NextAttemptAt: { } retryAt } && retryAt > now && !settings.Manual)
        {
            // Failed moments ago: tried again when its backoff is over (the run that falls due then), or by "Run now".
            return new(file, CollectAction.Known, null, null, row);
        }

        // Another content of this file was collected: this one is a change of it, also when it was seen
        // (waiting, or failing) before the other was collected.
        if (!settings.CollectChangedContent
            && rows.Any(r => r.Status == CollectedFileStatus.Collected && !string.Equals(r.ContentHash, file.ContentHash, StringComparison.Ordinal)))
        {
            return new(file, CollectAction.Skip, CollectReasons.ContentChanged,
                "Its content changed after it was collected; this channel does not collect changed files again.", row);
        }
        if (row is null)
        {
            if (twins.FirstOrDefault(t => !string.Equals(t.FileId, file.Id, StringComparison.Ordinal)) is { } twin)
            {
                return new(file, CollectAction.Skip, CollectReasons.DuplicateContent, $"The same content was already collected from {twin.Path}.", null);
            }
            if (collecting.TryGetValue(file.ContentHash, out var first) && !string.Equals(first, file.Id, StringComparison.Ordinal))
            {
                return new(file, CollectAction.Defer, null, null, null);
            }
            if (file.Size == 0)
            {
                return new(file, CollectAction.Skip, CollectReasons.Empty, "The file is empty (0 bytes); it stays in Dropbox.", null);
            }
            if (file.Size > settings.MaxFileSize)
            {
                return new(file, CollectAction.Refuse, CollectReasons.TooLarge,
                    $"The file is {Mib(file.Size)}; files over {Mib(settings.MaxFileSize)} are not collected. It stays in Dropbox.", null);
            }
            if (!file.IsDownloadable)
            {
                return new(file, CollectAction.Refuse, CollectReasons.NotDownloadable,
                    "Dropbox does not let this file be downloaded (a Paper doc or a cloud-only format); export it as PDF.", null);
            }
        }

        // Settled? Older than the stable age, or the same revision as at an earlier look.
        var settled = now - file.ServerModified >= settings.StableAge
                      || (row is { Status: CollectedFileStatus.Waiting } && string.Equals(row.Rev, file.Rev, StringComparison.Ordinal));
        return settled
            ? new(file, CollectAction.Collect, null, null, row)
            : new(file, CollectAction.Wait, CollectReasons.StillChanging,
                "It changed moments ago and may still be being written; it is looked at again shortly.", row);
    }

    /// <summary>A file the ledger already settled: an after-action left undone, a rename or move to note, or nothing.</summary>
    private static CollectDecision Known(ListedFile file, LedgerRow row, PlanSettings settings)
    {
        if (row.Status == CollectedFileStatus.Collected && !row.AfterActionDone && settings.AfterCollect != AfterCollect.Leave)
        {
            return new(file, CollectAction.FinishAfterAction, CollectReasons.AlreadyCollected, null, row);
        }
        if (!string.Equals(row.Path, file.PathDisplay, StringComparison.OrdinalIgnoreCase))
        {
            return new(file, CollectAction.NoteMove, CollectReasons.RenamedOrMoved, $"Collected before as {row.Path}; renamed or moved since, not collected again.", row);
        }
        return new(file, CollectAction.Known, null, null, row);
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB");
}
