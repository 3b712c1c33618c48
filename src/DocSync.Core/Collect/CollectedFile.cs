using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Collect;

/// <summary>
/// The ledger: one row per (channel, Dropbox file id, content hash) seen. A file that stays, is
/// renamed or moved keeps its id and hash, so it is collected exactly once.
/// </summary>
public sealed class CollectedFile : ICompanyScoped, IAuditExempt
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The channel.</summary>
    public Guid ChannelId { get; set; }

    /// <summary>The Dropbox file id (<c>id:…</c>).</summary>
    public required string DropboxFileId { get; set; }

    /// <summary>The Dropbox content hash of the revision this row is about.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The revision last seen.</summary>
    public required string Rev { get; set; }

    /// <summary>Where it was last seen.</summary>
    public required string Path { get; set; }

    /// <summary>Its size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>Where it stands.</summary>
    public CollectedFileStatus Status { get; set; }

    /// <summary>Why it was skipped or failed (a <see cref="CollectReasons"/> code).</summary>
    public string? Reason { get; set; }

    /// <summary>The reason in words.</summary>
    public string? Detail { get; set; }

    /// <summary>Failed attempts so far (a failure that may pass is retried by later runs).</summary>
    public int Attempts { get; set; }

    /// <summary>A failure that may pass: not tried again before this moment (backoff); every run of any kind tries it after.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The first inbox item made from it.</summary>
    public Guid? InboxItemId { get; set; }

    /// <summary>How many inbox items it made (a zip makes one per file inside).</summary>
    public int Items { get; set; }

    /// <summary>Whether the channel's after-collection action (move, delete) is done.</summary>
    public bool AfterActionDone { get; set; }

    /// <summary>When it was first seen.</summary>
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>When it was collected.</summary>
    public DateTimeOffset? CollectedAt { get; set; }
}

/// <summary>Where a file of the ledger stands.</summary>
public enum CollectedFileStatus
{
    /// <summary>Seen once, recently changed: looked at again before it is taken (it may still be being written).</summary>
    Waiting = 1,

    /// <summary>In the inbox.</summary>
    Collected = 2,

    /// <summary>Deliberately not collected (empty, duplicate content, changed content the channel ignores…); final for this content.</summary>
    Skipped = 3,

    /// <summary>Could not be collected; <see cref="CollectReasons.IsFinal"/> tells whether later runs try again.</summary>
    Failed = 4,
}
