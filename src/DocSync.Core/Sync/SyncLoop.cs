using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Sync;

/// <summary>The engines standing on the sync kernel.</summary>
public enum SyncEngine
{
    /// <summary>Documents to Dropbox (key: the connection).</summary>
    Export = 1,

    /// <summary>Dropbox files into the inbox (key: the channel).</summary>
    Collect = 2,

    /// <summary>Both ways (key: the mirror rule).</summary>
    Mirror = 3,
}

/// <summary>What a loop is doing now.</summary>
public enum SyncLoopState
{
    /// <summary>Nothing to do; waiting for a change, a schedule or a retry.</summary>
    Idle = 0,

    /// <summary>Asking Dropbox what is there or what changed.</summary>
    Listing = 1,

    /// <summary>Deciding what to do.</summary>
    Planning = 2,

    /// <summary>Moving files (uploads, downloads, moves, deletes).</summary>
    Transferring = 3,

    /// <summary>Stopped by a problem a person must solve (a folder gone, the account full), or paused by a person.</summary>
    Paused = 4,

    /// <summary>Dropbox refused the connection's grant: it waits for a new link.</summary>
    NeedsRelink = 5,

    /// <summary>The last run failed unexpectedly; it tries again after a backoff.</summary>
    Error = 6,
}

/// <summary>
/// One loop of one engine (Export: a connection; Collect: a channel): which instance holds it (a lease
/// renewed while it runs, so one instance at a time works on it across a cluster) and what it is doing.
/// Live data, not audited.
/// </summary>
public sealed class SyncLoop : ICompanyScoped, IAuditExempt
{
    /// <summary>The engine.</summary>
    public SyncEngine Engine { get; set; }

    /// <summary>What the engine runs a loop for (a connection, a channel, a rule).</summary>
    public Guid Key { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The Dropbox connection the loop talks through (for the connection page).</summary>
    public Guid ConnectionId { get; set; }

    /// <summary>What it is doing now.</summary>
    public SyncLoopState State { get; set; }

    /// <summary>Since when.</summary>
    public DateTimeOffset StateSince { get; set; }

    /// <summary>Why, for the states that need one (paused, needs re-link, error).</summary>
    public string? Detail { get; set; }

    /// <summary>The instance holding the loop, while one does.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when that instance holds it without renewing.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
