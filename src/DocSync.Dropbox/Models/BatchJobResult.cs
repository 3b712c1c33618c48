namespace DocSync.Dropbox;

/// <summary>
/// The state of a batch job: complete with per-entry results, still running (poll again with
/// <see cref="AsyncJobId"/>), or failed as a whole.
/// </summary>
public sealed record BatchJobResult
{
    /// <summary><c>complete</c>, <c>in_progress</c>, <c>async_job_id</c> (just launched) or <c>failed</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>The job to poll, when launched asynchronously.</summary>
    public string? AsyncJobId { get; init; }

    /// <summary>Per-entry results, in request order, when complete.</summary>
    public IReadOnlyList<BatchEntryResult> Entries { get; init; } = [];

    /// <summary>Why the whole job failed, as a tag path.</summary>
    public string? FailureTag { get; init; }

    /// <summary>True when the job is complete.</summary>
    public bool IsComplete => Status == "complete";
}
