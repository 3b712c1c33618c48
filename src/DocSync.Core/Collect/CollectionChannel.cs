using DocSync.Core.Access;

namespace DocSync.Core.Collect;

/// <summary>
/// A collection channel: files clients drop into a Dropbox folder of a connection enter the
/// company's inbox, once each, for a destination person and binder, on a schedule and (optionally)
/// within seconds of the drop.
/// </summary>
public sealed class CollectionChannel : ICompanyScoped
{
    /// <summary>The channel's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The Dropbox connection it reads through.</summary>
    public Guid ConnectionId { get; set; }

    /// <summary>Name, unique in the company.</summary>
    public required string Name { get; set; }

    /// <summary>The watched folder as Dropbox displays it (e.g. <c>/Clients/Drop</c>); read with its subfolders, <c>Processed</c> excepted.</summary>
    public required string SourcePath { get; set; }

    /// <summary>The folder's Dropbox id when it was chosen: a renamed or moved folder is noticed, never read as empty.</summary>
    public string? SourceFolderId { get; set; }

    /// <summary>Who the collected files are for (a member of the company, possibly external).</summary>
    public Guid DestinationPersonId { get; set; }

    /// <summary>The binder collected files go to.</summary>
    public Guid? BinderId { get; set; }

    /// <summary>When scheduled runs happen: a five-field cron expression in <see cref="TimeZone"/> (default daily at 06:00).</summary>
    public required string Schedule { get; set; }

    /// <summary>The IANA time zone the schedule is read in.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Whether files are collected within seconds of the drop (Dropbox longpoll and webhooks), besides the schedule.</summary>
    public bool NearRealTime { get; set; }

    /// <summary>What happens to a source file once collected.</summary>
    public AfterCollect AfterCollect { get; set; }

    /// <summary>Whether a collected file whose content later changes is collected again as a new document.</summary>
    public bool CollectChangedContent { get; set; }

    /// <summary>Whether the channel runs at all (scheduled and real time; "Run now" works either way).</summary>
    public bool Enabled { get; set; }

    /// <summary>Why the channel is paused (e.g. its source folder is gone); <see langword="null"/> when it is fine.</summary>
    public string? Problem { get; set; }

    /// <summary>A stable code for <see cref="Problem"/>.</summary>
    public string? ProblemCode { get; set; }

    /// <summary>The <c>list_folder</c> cursor after the last listing (real-time runs read only what changed since).</summary>
    public string? Cursor { get; set; }

    /// <summary>When the next scheduled run is due.</summary>
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>When a file seen still changing should be looked at again (a real-time run).</summary>
    public DateTimeOffset? RecheckAt { get; set; }

    /// <summary>When the last run ended.</summary>
    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>When the channel was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its settings last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What happens to a source file in Dropbox once it is collected.</summary>
public enum AfterCollect
{
    /// <summary>It stays where it is (and is never collected again).</summary>
    Leave = 1,

    /// <summary>It moves to <c>Processed/</c> under the source folder, its name prefixed with the collection time.</summary>
    MoveToProcessed = 2,

    /// <summary>It is deleted (only the revision collected: a file changed since stays).</summary>
    Delete = 3,
}
