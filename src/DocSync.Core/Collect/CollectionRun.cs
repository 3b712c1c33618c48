using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Collect;

/// <summary>One run of a channel: what started it, what it saw and did.</summary>
public sealed class CollectionRun : ICompanyScoped, IAuditExempt
{
    /// <summary>The run's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The channel.</summary>
    public Guid ChannelId { get; set; }

    /// <summary>What started it.</summary>
    public CollectTrigger Trigger { get; set; }

    /// <summary>Who pressed "Run now", for manual runs.</summary>
    public Guid? StartedBy { get; set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it ended; <see langword="null"/> while running (or when its process died).</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>How it ended.</summary>
    public CollectRunOutcome Outcome { get; set; }

    /// <summary>What stopped it, for outcomes other than completed.</summary>
    public string? Problem { get; set; }

    /// <summary>A stable code for <see cref="Problem"/> (the UI words it in the person's language).</summary>
    public string? ProblemCode { get; set; }

    /// <summary>Files looked at.</summary>
    public int Seen { get; set; }

    /// <summary>Files collected (each made one inbox item or more).</summary>
    public int Collected { get; set; }

    /// <summary>Files skipped with a reason (already collected, empty, duplicate…).</summary>
    public int Skipped { get; set; }

    /// <summary>Files that failed with a reason.</summary>
    public int Failed { get; set; }

    /// <summary>Files left for a later look (still changing).</summary>
    public int Waiting { get; set; }

    /// <summary>Files seen that the ledger had settled before (collected or skipped earlier, unchanged).</summary>
    public int Known { get; set; }
}

/// <summary>One file of a run, with what happened to it.</summary>
public sealed class CollectionRunFile : ICompanyScoped, IAuditExempt
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The run.</summary>
    public Guid RunId { get; set; }

    /// <summary>The file's path in Dropbox when seen.</summary>
    public required string Path { get; set; }

    /// <summary>The Dropbox file id.</summary>
    public required string DropboxFileId { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>What happened.</summary>
    public CollectFileResult Result { get; set; }

    /// <summary>A <see cref="CollectReasons"/> code for skips and failures.</summary>
    public string? Reason { get; set; }

    /// <summary>The reason in words.</summary>
    public string? Detail { get; set; }

    /// <summary>The inbox item made, if any (the first, for a zip).</summary>
    public Guid? InboxItemId { get; set; }

    /// <summary>Inbox items made from it.</summary>
    public int Items { get; set; }

    /// <summary>Milliseconds spent downloading.</summary>
    public int DownloadMs { get; set; }

    /// <summary>Milliseconds spent reading the text (text layer or OCR).</summary>
    public int ReadMs { get; set; }

    /// <summary>Milliseconds spent storing and filing into the inbox.</summary>
    public int StoreMs { get; set; }

    /// <summary>When it was handled.</summary>
    public DateTimeOffset At { get; set; }
}

/// <summary>What started a run.</summary>
public enum CollectTrigger
{
    /// <summary>The channel's schedule (a full look at the folder: the safety net).</summary>
    Scheduled = 1,

    /// <summary>A change Dropbox reported (longpoll, webhook).</summary>
    RealTime = 2,

    /// <summary>A person pressed "Run now".</summary>
    Manual = 3,

    /// <summary>A second look at a file that was still changing, or a failed file whose retry fell due.</summary>
    Recheck = 4,
}

/// <summary>How a run ended.</summary>
public enum CollectRunOutcome
{
    /// <summary>Still running, or its process died (then <see cref="CollectionRun.EndedAt"/> stays empty).</summary>
    Running = 0,

    /// <summary>Every file seen was handled (some may have failed on their own).</summary>
    Completed = 1,

    /// <summary>The channel was paused: its folder is gone or moved, or the connection needs re-linking.</summary>
    Paused = 2,

    /// <summary>Dropbox could not be reached; the next run tries again.</summary>
    Failed = 3,
}

/// <summary>What happened to one file in a run.</summary>
public enum CollectFileResult
{
    /// <summary>It entered the inbox.</summary>
    Collected = 1,

    /// <summary>Not collected, on purpose.</summary>
    Skipped = 2,

    /// <summary>Not collected: something went wrong.</summary>
    Failed = 3,

    /// <summary>Still changing: looked at again shortly.</summary>
    Waiting = 4,
}
