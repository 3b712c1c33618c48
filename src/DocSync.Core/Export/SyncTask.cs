using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Export;

/// <summary>
/// "Bring this document up to date in this profile": one persistent row per profile and
/// document, however many changes it stands for (the executor reads the document as it is
/// when it runs). Ready when <see cref="NextAttemptAt"/> has passed and it is not dead.
/// </summary>
public sealed class SyncTask : ICompanyScoped, IAuditExempt
{
    /// <summary>Increasing id: first in, first out within a priority.</summary>
    public long Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The connection whose loop runs it.</summary>
    public Guid ConnectionId { get; set; }

    /// <summary>The profile.</summary>
    public Guid ProfileId { get; set; }

    /// <summary>The document.</summary>
    public Guid DocumentId { get; set; }

    /// <summary>Higher runs first: see <see cref="SyncPriority"/>.</summary>
    public int Priority { get; set; }

    /// <summary>Bumped by every new request for the task, so finishing an older one does not drop a newer one.</summary>
    public int Generation { get; set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this moment (backoff, Retry-After).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set when the task gave up and waits in the dead-letter list for a person.</summary>
    public DateTimeOffset? DeadAt { get; set; }

    /// <summary>The last failure's short code (e.g. <c>path/insufficient_space</c>, <c>path-collision</c>).</summary>
    public string? LastErrorCode { get; set; }

    /// <summary>The last failure, for people.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was first asked for.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The priorities of <see cref="SyncTask"/>: changes people just made go before the copy of old documents.</summary>
public static class SyncPriority
{
    /// <summary>A document was created, changed or deleted.</summary>
    public const int Change = 30;

    /// <summary>A person asked to retry.</summary>
    public const int Retry = 25;

    /// <summary>The profile's layout changed: files move.</summary>
    public const int Relayout = 20;

    /// <summary>The first copy of existing documents.</summary>
    public const int Backfill = 10;
}
