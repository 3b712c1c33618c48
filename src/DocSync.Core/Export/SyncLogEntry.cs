using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Export;

/// <summary>One line of a connection's sync log: what happened to one file, when, and what Dropbox answered.</summary>
public sealed class SyncLogEntry : ICompanyScoped, IAuditExempt
{
    /// <summary>Increasing id.</summary>
    public long Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The connection.</summary>
    public Guid ConnectionId { get; set; }

    /// <summary>The profile.</summary>
    public Guid ProfileId { get; set; }

    /// <summary>The document, when the line is about one.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What was done.</summary>
    public SyncAction Action { get; set; }

    /// <summary>How it ended.</summary>
    public SyncOutcome Outcome { get; set; }

    /// <summary>The Dropbox path concerned.</summary>
    public string? Path { get; set; }

    /// <summary>Dropbox's revision after the action.</summary>
    public string? Rev { get; set; }

    /// <summary>Why (failures, warnings), for people.</summary>
    public string? Detail { get; set; }
}

/// <summary>What a sync-log line records.</summary>
public enum SyncAction
{
    /// <summary>A new file was uploaded.</summary>
    Upload = 1,

    /// <summary>A file was overwritten with a new revision (<c>update(rev)</c>: Dropbox keeps the old one).</summary>
    Update = 2,

    /// <summary>A file moved (renumbered document, new layout).</summary>
    Move = 3,

    /// <summary>A file was deleted (only when the profile says so).</summary>
    Delete = 4,

    /// <summary>A file that was already in Dropbox with the same content was recognised.</summary>
    Adopt = 5,

    /// <summary>Something was left out (e.g. no valid UBL could be made).</summary>
    LeftOut = 6,

    /// <summary>A file DocSync had put in Dropbox was found deleted there (put back, or held for a person).</summary>
    Missing = 7,
}

/// <summary>How a sync-log line ended.</summary>
public enum SyncOutcome
{
    /// <summary>Done.</summary>
    Ok = 1,

    /// <summary>Done, with something to know.</summary>
    Warning = 2,

    /// <summary>Failed; the task retries or waits in the dead-letter list.</summary>
    Failed = 3,
}
