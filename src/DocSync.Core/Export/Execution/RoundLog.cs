namespace DocSync.Core.Export.Execution;

/// <summary>The sync log lines of one round, written with the round's record.</summary>
internal sealed class RoundLog(TimeProvider time)
{
    /// <summary>The lines so far.</summary>
    public List<SyncLogEntry> Entries { get; } = [];

    /// <summary>Adds a line about <paramref name="task"/>'s document.</summary>
    public void Add(SyncTask task, SyncAction action, SyncOutcome outcome, string? path, string? rev, string? detail) =>
        Entries.Add(new SyncLogEntry
        {
            CompanyId = task.CompanyId,
            ConnectionId = task.ConnectionId,
            ProfileId = task.ProfileId,
            DocumentId = task.DocumentId,
            At = time.GetUtcNow(),
            Action = action,
            Outcome = outcome,
            Path = path,
            Rev = rev,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
        });
}
