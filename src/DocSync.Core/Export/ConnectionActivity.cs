using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Export;

/// <summary>
/// The live side of a connection, kept apart from its settings so the busy loop does not write
/// audit entries: when it last delivered and what stops it now (the loop's lease and state are a
/// <see cref="Sync.SyncLoop"/>).
/// </summary>
public sealed class ConnectionActivity : ICompanyScoped, IAuditExempt
{
    /// <summary>The connection (also the key).</summary>
    public Guid ConnectionId { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>When a file last reached Dropbox.</summary>
    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>When the loop last ran.</summary>
    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>What holds every file of the connection back (e.g. <c>insufficient_space</c>), while it does.</summary>
    public string? ProblemCode { get; set; }

    /// <summary>The same, for people.</summary>
    public string? Problem { get; set; }

    /// <summary>Since when.</summary>
    public DateTimeOffset? ProblemAt { get; set; }
}
